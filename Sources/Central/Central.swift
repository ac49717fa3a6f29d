import LocalStore
