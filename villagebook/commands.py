"""The command line's commands: a name here runs the CLI, anything else opens the window
(kept apart so that starting the window does not load the command line's modules)."""

COMMANDS = ("init", "init-township", "init-county", "demo", "export-json", "export-xlsx",
            "import-xlsx", "template", "print", "sync", "check", "backup", "restore",
            "password", "archive")
