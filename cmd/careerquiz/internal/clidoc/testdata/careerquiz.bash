# bash completion for careerquiz.
# For this shell:  source <(careerquiz completion bash)
# For good:        careerquiz completion bash > ~/.local/share/bash-completion/completions/careerquiz

# _careerquiz_add adds each line of its input to the replies, after $1.
_careerquiz_add() {
	local w
	while IFS= read -r w; do
		COMPREPLY+=("$1$w")
	done
}

# _careerquiz_files offers file and folder names, after $1.
_careerquiz_files() {
	compopt -o filenames 2>/dev/null
	_careerquiz_add "$1" < <(compgen -f -- "$cur")
}

# _careerquiz_value succeeds when flag $2 of command $1 takes a value.
_careerquiz_value() {
	local f=${2#-}
	case $1:${f#-} in
	:questions | :answers | :format | :output | :color | :colour | :seed | compare:questions | stats:questions) return 0 ;;
	esac
	return 1
}

_careerquiz() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local cmd= first=1 prefix= flag= i w n=0
	COMPREPLY=()
	if ((COMP_CWORD > 1)); then
		case ${COMP_WORDS[1]} in
		check | bank | schema | history | compare | stats | completion | help) cmd=${COMP_WORDS[1]} first=2 ;;
		esac
	fi
	# A flag's value: --flag VALUE, --flag=VALUE, or that split at = by bash.
	if [[ $cur == -*=* ]]; then
		flag=${cur%%=*} prefix=${cur%%=*}= cur=${cur#*=}
	elif [[ $cur == = && $prev == -* ]]; then
		flag=$prev cur=
	elif [[ $prev == = ]] && ((COMP_CWORD > 2)); then
		flag=${COMP_WORDS[COMP_CWORD-2]}
	elif [[ $prev == -* ]]; then
		flag=$prev
	fi
	flag=${flag#-}
	flag=${flag#-}
	case $cmd:$flag in
	:questions)
		_careerquiz_files "$prefix"
		return ;;
	:answers)
		_careerquiz_files "$prefix"
		return ;;
	:format)
		_careerquiz_add "$prefix" < <(compgen -W 'text json markdown' -- "$cur")
		return ;;
	:output)
		_careerquiz_files "$prefix"
		return ;;
	:color | :colour)
		_careerquiz_add "$prefix" < <(compgen -W 'auto always never' -- "$cur")
		return ;;
	:seed)
		:
		return ;;
	compare:questions)
		_careerquiz_files "$prefix"
		return ;;
	stats:questions)
		_careerquiz_files "$prefix"
		return ;;
	esac
	[[ -n $prefix ]] && return
	if [[ $cur == -* ]]; then
		case $cmd in
		'') w='--questions --answers --format --json --output --plain --color --no-color --shuffle --seed --restart --save --no-save --version --help' ;;
		check) w='--json --help' ;;
		bank) w='--help' ;;
		schema) w='--help' ;;
		history) w='--json --help' ;;
		compare) w='--json --questions --help' ;;
		stats) w='--questions --any-bank --json --csv --help' ;;
		completion) w='--help' ;;
		help) w='--help' ;;
		esac
		_careerquiz_add "" < <(compgen -W "$w" -- "$cur")
		return
	fi
	# Which argument this is: the words before it that are neither flags
	# nor their values.
	for ((i = first; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if _careerquiz_value "$cmd" "$w"; then
			[[ ${COMP_WORDS[i+1]} == = ]] && ((++i))
			((++i))
		elif [[ $w != -* && $w != = ]]; then
			((++n))
		fi
	done
	case $cmd in
	'')
		if ((COMP_CWORD == 1)); then
			_careerquiz_add "" < <(compgen -W 'check bank schema history compare stats completion help' -- "$cur")
			return
		fi
		;;
	check)
		case $n in
			0) _careerquiz_files "" ;;
		esac
		;;
	bank)
		;;
	schema)
		case $n in
			0) _careerquiz_add "" < <(compgen -W 'bank result check' -- "$cur") ;;
		esac
		;;
	history)
		;;
	compare)
		case $n in
			0) _careerquiz_files "" ;;
			1) _careerquiz_files "" ;;
		esac
		;;
	stats)
		case $n in
			*) _careerquiz_files "" ;;
		esac
		;;
	completion)
		case $n in
			0) _careerquiz_add "" < <(compgen -W 'bash zsh fish' -- "$cur") ;;
		esac
		;;
	help)
		case $n in
			0) _careerquiz_add "" < <(compgen -W 'check bank schema history compare stats completion help' -- "$cur") ;;
		esac
		;;
	esac
}

complete -F _careerquiz careerquiz
