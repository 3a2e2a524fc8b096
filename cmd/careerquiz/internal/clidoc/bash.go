package clidoc

import (
	"fmt"
	"io"
	"strings"
)

// Bash writes a bash completion script for p: commands, flags, the values
// of flags (the choices of a Choice, file names for a File) in all three
// spellings (--flag VALUE, --flag=VALUE, and the latter split at = by
// bash), and arguments by their place. It needs bash 3.2 or later and
// nothing else (not the bash-completion package).
func Bash(w io.Writer, p Program) error {
	if err := p.check(); err != nil {
		return err
	}
	fn := p.funcName()
	var b strings.Builder
	fmt.Fprintf(&b, `# bash completion for %[1]s.
# For this shell:  source <(%[1]s completion bash)
# For good:        %[1]s completion bash > ~/.local/share/bash-completion/completions/%[1]s

# %[2]s_add adds each line of its input to the replies, after $1.
%[2]s_add() {
	local w
	while IFS= read -r w; do
		COMPREPLY+=("$1$w")
	done
}

# %[2]s_files offers file and folder names, after $1.
%[2]s_files() {
	compopt -o filenames 2>/dev/null
	%[2]s_add "$1" < <(compgen -f -- "$cur")
}

# %[2]s_value succeeds when flag $2 of command $1 takes a value.
%[2]s_value() {
	local f=${2#-}
	case $1:${f#-} in
`, p.Name, fn)
	// valued are the patterns of every flag that takes a value; arms offer
	// each one's values.
	var valued, arms []string
	each(p, func(cmd string, f Flag) {
		if f.Value == None {
			return
		}
		var pats []string
		for _, n := range f.names() {
			pats = append(pats, cmd+":"+n)
		}
		valued = append(valued, pats...)
		arms = append(arms, fmt.Sprintf("\t%s)\n\t\t%s\n\t\treturn ;;\n", strings.Join(pats, " | "), bashOffer(fn, "\"$prefix\"", f.Value, f.Choices)))
	})
	if len(valued) > 0 {
		fmt.Fprintf(&b, "\t%s) return 0 ;;\n", strings.Join(valued, " | "))
	}
	fmt.Fprintf(&b, `	esac
	return 1
}

%[1]s() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local cmd= first=1 prefix= flag= i w n=0
	COMPREPLY=()
	if ((COMP_CWORD > 1)); then
		case ${COMP_WORDS[1]} in
		%[2]s) cmd=${COMP_WORDS[1]} first=2 ;;
		esac
	fi
	# A flag's value: --flag VALUE, --flag=VALUE, or that split at = by bash.
	if [[ $cur == -*=* ]]; then
		flag=${cur%%%%=*} prefix=${cur%%%%=*}= cur=${cur#*=}
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
`, fn, strings.Join(commandNames(p), " | "))
	b.WriteString(strings.Join(arms, ""))
	fmt.Fprintf(&b, `	esac
	[[ -n $prefix ]] && return
	if [[ $cur == -* ]]; then
		case $cmd in
`)
	flagWords := func(pattern string, fs []Flag) {
		var ws []string
		for _, f := range fs {
			ws = append(ws, "--"+f.Name)
		}
		ws = append(ws, "--help")
		fmt.Fprintf(&b, "\t\t%s) w='%s' ;;\n", pattern, strings.Join(ws, " "))
	}
	flagWords("''", p.Flags)
	for _, c := range p.Commands {
		flagWords(c.Name, c.Flags)
	}
	fmt.Fprintf(&b, `		esac
		%[1]s_add "" < <(compgen -W "$w" -- "$cur")
		return
	fi
	# Which argument this is: the words before it that are neither flags
	# nor their values.
	for ((i = first; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if %[1]s_value "$cmd" "$w"; then
			[[ ${COMP_WORDS[i+1]} == = ]] && ((++i))
			((++i))
		elif [[ $w != -* && $w != = ]]; then
			((++n))
		fi
	done
	case $cmd in
	'')
		if ((COMP_CWORD == 1)); then
			%[1]s_add "" < <(compgen -W '%[2]s' -- "$cur")
			return
		fi
`, fn, strings.Join(commandNames(p), " "))
	bashArgs(&b, fn, p.Args)
	for _, c := range p.Commands {
		fmt.Fprintf(&b, "\t%s)\n", c.Name)
		bashArgs(&b, fn, c.Args)
	}
	fmt.Fprintf(&b, "\tesac\n}\n\ncomplete -F %s %s\n", fn, p.Name)
	_, err := io.WriteString(w, b.String())
	return err
}

// bashArgs is the case over an argument's place that offers its values,
// ending the case of its command.
func bashArgs(b *strings.Builder, fn string, args []Arg) {
	var arms []string
	for i, a := range args {
		offer := bashOffer(fn, `""`, a.Kind, a.Choices)
		if offer == ":" {
			continue
		}
		at := fmt.Sprint(i)
		if a.Repeat {
			at = "*"
		}
		arms = append(arms, fmt.Sprintf("\t\t%s) %s ;;\n", at, offer))
	}
	if len(arms) > 0 {
		b.WriteString("\t\tcase $n in\n")
		for _, a := range arms {
			b.WriteString("\t" + a)
		}
		b.WriteString("\t\tesac\n")
	}
	b.WriteString("\t\t;;\n")
}

// bashOffer is the command that offers values of a kind after prefix, or
// ":" (nothing) for a kind with nothing to offer.
func bashOffer(fn, prefix string, k Kind, choices []string) string {
	switch k {
	case File:
		return fn + "_files " + prefix
	case Choice:
		return fmt.Sprintf("%s_add %s < <(compgen -W '%s' -- \"$cur\")", fn, prefix, strings.Join(choices, " "))
	}
	return ":"
}

func commandNames(p Program) []string {
	var ns []string
	for _, c := range p.Commands {
		ns = append(ns, c.Name)
	}
	return ns
}

// each calls fn for every flag of the program (cmd "") and of each command.
func each(p Program, fn func(cmd string, f Flag)) {
	for _, f := range p.Flags {
		fn("", f)
	}
	for _, c := range p.Commands {
		for _, f := range c.Flags {
			fn(c.Name, f)
		}
	}
}
