# fish completion for careerquiz.
# For this shell:  careerquiz completion fish | source
# For good:        careerquiz completion fish > ~/.config/fish/completions/careerquiz.fish

# File names are offered only where a file is expected.
complete -c careerquiz -f

# Commands, before anything else.
complete -c careerquiz -n __fish_use_subcommand -a check -d 'check a question bank and print its authoring report (default: built-in)'
complete -c careerquiz -n __fish_use_subcommand -a bank -d 'print the built-in bank, to start your own'
complete -c careerquiz -n __fish_use_subcommand -a schema -d 'print a JSON Schema: of a bank (the default), a result or check --json'
complete -c careerquiz -n __fish_use_subcommand -a history -d 'the results kept from earlier quizzes, newest first'
complete -c careerquiz -n __fish_use_subcommand -a compare -d 'what moved between two attempts (default: the last two)'
complete -c careerquiz -n __fish_use_subcommand -a stats -d 'sum up results from many people: files, folders, - for NDJSON'
complete -c careerquiz -n __fish_use_subcommand -a completion -d 'print a shell completion script'
complete -c careerquiz -n __fish_use_subcommand -a help -d 'show this help, or a command\'s'

# careerquiz's own flags, with no command.
complete -c careerquiz -n '__fish_use_subcommand' -l questions -r -F -d 'use this bank instead of the built-in one (or set CAREERQUIZ_QUESTIONS)'
complete -c careerquiz -n '__fish_use_subcommand' -l answers -r -F -d 'answer from a file instead of asking (TOML or JSON; - reads standard input); a saved --json result replays'
complete -c careerquiz -n '__fish_use_subcommand' -l format -x -a 'text json markdown'
complete -c careerquiz -n '__fish_use_subcommand' -l format -x -d 'text (the default), json, or markdown (a document to paste into an email, a wiki or an issue)'
complete -c careerquiz -n '__fish_use_subcommand' -l json -d 'the same as --format json'
complete -c careerquiz -n '__fish_use_subcommand' -l output -r -F -d 'write the report to FILE instead of standard output'
complete -c careerquiz -n '__fish_use_subcommand' -l plain -d 'numbered questions, one answer per line (for screen readers; used whenever standard input is not a terminal, and with TERM=dumb)'
complete -c careerquiz -n '__fish_use_subcommand' -l color -x -a 'auto always never'
complete -c careerquiz -n '__fish_use_subcommand' -l color -x -d 'colour: auto (on a terminal only), always or never'
complete -c careerquiz -n '__fish_use_subcommand' -l colour -x -a 'auto always never'
complete -c careerquiz -n '__fish_use_subcommand' -l colour -x -d 'colour: auto (on a terminal only), always or never'
complete -c careerquiz -n '__fish_use_subcommand' -l no-color -d 'no colour: the same as --color=never'
complete -c careerquiz -n '__fish_use_subcommand' -l no-colour -d 'no colour: the same as --color=never'
complete -c careerquiz -n '__fish_use_subcommand' -l shuffle -d 'ask the questions in a random order'
complete -c careerquiz -n '__fish_use_subcommand' -l seed -x -d 'shuffle with seed N, to repeat an order'
complete -c careerquiz -n '__fish_use_subcommand' -l restart -d 'start over; your saved answers stay until your first new answer replaces them'
complete -c careerquiz -n '__fish_use_subcommand' -l save -d 'keep the result even of a run with --answers or piped answers; a quiz finished in a terminal is kept anyway (see \'careerquiz history\')'
complete -c careerquiz -n '__fish_use_subcommand' -l no-save -d 'do not keep this run\'s result'
complete -c careerquiz -n '__fish_use_subcommand' -l version -d 'print the version'
complete -c careerquiz -n '__fish_use_subcommand' -s h -l help -d 'show help'

# careerquiz check
complete -c careerquiz -n '__fish_seen_subcommand_from check' -l json -d 'print the report as one JSON document (schema careerquiz.check/v1: see \'careerquiz schema check\')'
complete -c careerquiz -n '__fish_seen_subcommand_from check' -s h -l help -d 'show help'
complete -c careerquiz -n '__fish_seen_subcommand_from check' -F

# careerquiz bank
complete -c careerquiz -n '__fish_seen_subcommand_from bank' -s h -l help -d 'show help'

# careerquiz schema
complete -c careerquiz -n '__fish_seen_subcommand_from schema' -s h -l help -d 'show help'
complete -c careerquiz -n '__fish_seen_subcommand_from schema' -a 'bank result check'

# careerquiz history
complete -c careerquiz -n '__fish_seen_subcommand_from history' -l json -d 'print the attempts as a JSON array, newest first'
complete -c careerquiz -n '__fish_seen_subcommand_from history' -s h -l help -d 'show help'

# careerquiz compare
complete -c careerquiz -n '__fish_seen_subcommand_from compare' -l json -d 'print the comparison as one JSON document'
complete -c careerquiz -n '__fish_seen_subcommand_from compare' -l questions -r -F -d 'the bank to show question and answer texts from (default: the built-in one, or CAREERQUIZ_QUESTIONS)'
complete -c careerquiz -n '__fish_seen_subcommand_from compare' -s h -l help -d 'show help'
complete -c careerquiz -n '__fish_seen_subcommand_from compare' -F
complete -c careerquiz -n '__fish_seen_subcommand_from compare' -F

# careerquiz stats
complete -c careerquiz -n '__fish_seen_subcommand_from stats' -l questions -r -F -d 'the bank the results were taken on (default: the built-in one, or CAREERQUIZ_QUESTIONS)'
complete -c careerquiz -n '__fish_seen_subcommand_from stats' -l any-bank -d 'keep results taken on another bank as long as their answers still fit this one'
complete -c careerquiz -n '__fish_seen_subcommand_from stats' -l json -d 'print the figures as one JSON document (schema careerquiz.stats/v1)'
complete -c careerquiz -n '__fish_seen_subcommand_from stats' -l csv -d 'print one row per person instead'
complete -c careerquiz -n '__fish_seen_subcommand_from stats' -s h -l help -d 'show help'
complete -c careerquiz -n '__fish_seen_subcommand_from stats' -F

# careerquiz completion
complete -c careerquiz -n '__fish_seen_subcommand_from completion' -s h -l help -d 'show help'
complete -c careerquiz -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'

# careerquiz help
complete -c careerquiz -n '__fish_seen_subcommand_from help' -s h -l help -d 'show help'
complete -c careerquiz -n '__fish_seen_subcommand_from help' -a 'check bank schema history compare stats completion help'
