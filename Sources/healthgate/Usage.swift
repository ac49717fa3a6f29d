/// The overview `healthgate --help` prints.
enum Usage {
    static let version = "0.1.0"

    static let overview = """
        healthgate — a checkpoint console for health codes (健康码)

        usage: healthgate [global options] [command] [options]

        commands:
          console                 the checkpoint console (the default)
          check DOC|CODE          judge one person headless: --temp T (repeatable), --json
          sync                    one pass of sync with the central store
          import codes|nat FILE   load the authority's CSV feeds into the central store
          demo                    build demo data: --people N, --seed S
          id [ID...]              validate resident ID numbers (stdin when none given)
          checkpoint show|set     this console's checkpoint and its rules
          checkpoint add ID       register a checkpoint (on PostgreSQL with its own login role)
          code keygen|revoke|keys issuers' keys on the trust list of dynamic codes (动态码)
          code issue|show DOC     a person's signed dynamic code, as text or a refreshing QR code
          central migrate         create or upgrade a PostgreSQL central store's schema
          central renew-feed      after restoring a backup: every console syncs again in full

        global options:
          --data-dir DIR          local data (default $HEALTHGATE_DATA or ~/.local/share/healthgate)
          --central URL           sqlite:PATH (default DATA/central.sqlite), a postgresql:// URL,
                                  or $HEALTHGATE_CENTRAL
          --checkpoint ID         the checkpoint this console stands at
          --lang zh-Hans|en|zh-Hant   language (default zh-Hans, or $HEALTHGATE_LANG)
          --operator NAME         who is on duty (default $HEALTHGATE_OPERATOR or $USER)
          --help, --version

        exit codes: 0 ok, 1 refused or invalid input, 2 usage, 3 store or network failure.
        `healthgate COMMAND --help` describes each command.
        """
}
