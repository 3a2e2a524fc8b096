package clidoc

import (
	"fmt"
	"io"
	"strings"
)

// Zsh writes a zsh completion script for p, made of _arguments specs: it
// completes commands with their summaries, flags with their help, flag
// values and arguments. It works both from a folder in $fpath (named
// _NAME) and sourced.
func Zsh(w io.Writer, p Program) error {
	if err := p.check(); err != nil {
		return err
	}
	fn := p.funcName()
	var b strings.Builder
	fmt.Fprintf(&b, `#compdef %[1]s
# zsh completion for %[1]s.
# For this shell:  source <(%[1]s completion zsh)
# For good:        %[1]s completion zsh > "${fpath[1]}/%[2]s"

%[2]s() {
	local curcontext=$curcontext state state_descr line ret=1
	typeset -A opt_args
	local -a commands=(
`, p.Name, fn)
	for _, c := range p.Commands {
		fmt.Fprintf(&b, "\t\t%s\n", shQuote(c.Name+":"+oneLine(c.Summary)))
	}
	b.WriteString("\t)\n\t_arguments -C -S \\\n")
	zshSpecs(&b, "\t\t", p.Flags, p.Args)
	fmt.Fprintf(&b, `		'1: :->command' \
		'*:: :->argument' && ret=0
	case $state in
	command)
		_describe -t commands %[1]s commands && ret=0
		;;
	argument)
		curcontext=${curcontext%%:*:*}:%[2]s-$words[1]:
		case $words[1] in
`, shQuote(p.Name+" command"), p.Name)
	for _, c := range p.Commands {
		fmt.Fprintf(&b, "\t\t%s)\n\t\t\t_arguments -S \\\n", c.Name)
		zshSpecs(&b, "\t\t\t\t", c.Flags, c.Args)
		b.WriteString("\t\t\t\t&& ret=0\n\t\t\t;;\n")
	}
	fmt.Fprintf(&b, `		esac
		;;
	esac
	return ret
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
	%[1]s "$@"
else
	compdef %[1]s %[2]s
fi
`, fn, p.Name)
	_, err := io.WriteString(w, b.String())
	return err
}

// zshSpecs writes the _arguments specs of flags and arguments, one a line,
// each ending in a backslash.
func zshSpecs(b *strings.Builder, indent string, flags []Flag, args []Arg) {
	for _, f := range flags {
		for _, n := range f.names() {
			spec := "--" + n
			if f.Value != None {
				spec += "="
			}
			spec += "[" + zshEscape(oneLine(f.Help)) + "]"
			if f.Value != None {
				spec += ":" + zshEscape(f.placeholder()) + ":" + zshAction(f.Value, f.Choices)
			}
			fmt.Fprintf(b, "%s%s \\\n", indent, shQuote(spec))
		}
	}
	fmt.Fprintf(b, "%s'(- *)'{-h,--help}'[show help]' \\\n", indent)
	for i, a := range args {
		at := fmt.Sprint(i + 1)
		if a.Repeat {
			at = "*"
		}
		fmt.Fprintf(b, "%s%s \\\n", indent, shQuote(at+":"+zshEscape(a.Name)+":"+zshAction(a.Kind, a.Choices)))
	}
}

// zshAction is what _arguments offers for a value of kind k.
func zshAction(k Kind, choices []string) string {
	switch k {
	case File:
		return "_files"
	case Choice:
		return "(" + strings.Join(choices, " ") + ")"
	}
	return " "
}

// zshEscape escapes what _arguments reads in a description or message.
func zshEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`, ":", `\:`).Replace(s)
}

// shQuote quotes s for a POSIX shell (zsh and bash): in single quotes,
// each single quote in s closed, escaped and opened again.
func shQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
