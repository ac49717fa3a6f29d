import Console
print("healthgate")
