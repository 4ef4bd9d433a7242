#compdef devctl

autoload -U is-at-least

_devctl() {
    typeset -A opt_args
    typeset -a _arguments_options
    local ret=1

    if is-at-least 5.2; then
        _arguments_options=(-s -S -C)
    else
        _arguments_options=(-s -C)
    fi

    local context curcontext="$curcontext" state line
    _arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)]:FILE:_files' \
'--context=[Kubeconfig context to use \[env\: DEVCTL_CONTEXT\]]:NAME:_default' \
'-n+[Namespace (else DEVCTL_NAMESPACE, the config file, the context'\''s, then default)]:NS:_default' \
'--namespace=[Namespace (else DEVCTL_NAMESPACE, the config file, the context'\''s, then default)]:NS:_default' \
'-o+[Output format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Output format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s (default\: no limit beyond the client'\''s own)]:DURATION:_default' \
'*-v[Show more detail\: -v the cause chain and each HTTP request, -vv their headers]' \
'*--verbose[Show more detail\: -v the cause chain and each HTTP request, -vv their headers]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output (also NO_COLOR)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_devctl_commands" \
"*::: :->devctl" \
&& ret=0
    case $state in
    (devctl)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:devctl-command-$line[1]:"
        case $line[1] in
            (status)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)]:FILE:_files' \
'--context=[Kubeconfig context to use \[env\: DEVCTL_CONTEXT\]]:NAME:_default' \
'-n+[Namespace (else DEVCTL_NAMESPACE, the config file, the context'\''s, then default)]:NS:_default' \
'--namespace=[Namespace (else DEVCTL_NAMESPACE, the config file, the context'\''s, then default)]:NS:_default' \
'-o+[Output format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Output format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s (default\: no limit beyond the client'\''s own)]:DURATION:_default' \
'*-v[Show more detail\: -v the cause chain and each HTTP request, -vv their headers]' \
'*--verbose[Show more detail\: -v the cause chain and each HTTP request, -vv their headers]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output (also NO_COLOR)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(version)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)]:FILE:_files' \
'--context=[Kubeconfig context to use \[env\: DEVCTL_CONTEXT\]]:NAME:_default' \
'-n+[Namespace (else DEVCTL_NAMESPACE, the config file, the context'\''s, then default)]:NS:_default' \
'--namespace=[Namespace (else DEVCTL_NAMESPACE, the config file, the context'\''s, then default)]:NS:_default' \
'-o+[Output format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Output format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s (default\: no limit beyond the client'\''s own)]:DURATION:_default' \
'*-v[Show more detail\: -v the cause chain and each HTTP request, -vv their headers]' \
'*--verbose[Show more detail\: -v the cause chain and each HTTP request, -vv their headers]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output (also NO_COLOR)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(config)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)]:FILE:_files' \
'--context=[Kubeconfig context to use \[env\: DEVCTL_CONTEXT\]]:NAME:_default' \
'-n+[Namespace (else DEVCTL_NAMESPACE, the config file, the context'\''s, then default)]:NS:_default' \
'--namespace=[Namespace (else DEVCTL_NAMESPACE, the config file, the context'\''s, then default)]:NS:_default' \
'-o+[Output format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Output format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s (default\: no limit beyond the client'\''s own)]:DURATION:_default' \
'*-v[Show more detail\: -v the cause chain and each HTTP request, -vv their headers]' \
'*--verbose[Show more detail\: -v the cause chain and each HTTP request, -vv their headers]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output (also NO_COLOR)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_devctl__subcmd__config_commands" \
"*::: :->config" \
&& ret=0

    case $state in
    (config)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:devctl-config-command-$line[1]:"
        case $line[1] in
            (view)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)]:FILE:_files' \
'--context=[Kubeconfig context to use \[env\: DEVCTL_CONTEXT\]]:NAME:_default' \
'-n+[Namespace (else DEVCTL_NAMESPACE, the config file, the context'\''s, then default)]:NS:_default' \
'--namespace=[Namespace (else DEVCTL_NAMESPACE, the config file, the context'\''s, then default)]:NS:_default' \
'-o+[Output format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Output format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s (default\: no limit beyond the client'\''s own)]:DURATION:_default' \
'*-v[Show more detail\: -v the cause chain and each HTTP request, -vv their headers]' \
'*--verbose[Show more detail\: -v the cause chain and each HTTP request, -vv their headers]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output (also NO_COLOR)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(path)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)]:FILE:_files' \
'--context=[Kubeconfig context to use \[env\: DEVCTL_CONTEXT\]]:NAME:_default' \
'-n+[Namespace (else DEVCTL_NAMESPACE, the config file, the context'\''s, then default)]:NS:_default' \
'--namespace=[Namespace (else DEVCTL_NAMESPACE, the config file, the context'\''s, then default)]:NS:_default' \
'-o+[Output format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Output format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s (default\: no limit beyond the client'\''s own)]:DURATION:_default' \
'*-v[Show more detail\: -v the cause chain and each HTTP request, -vv their headers]' \
'*--verbose[Show more detail\: -v the cause chain and each HTTP request, -vv their headers]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output (also NO_COLOR)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(set)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)]:FILE:_files' \
'--context=[Kubeconfig context to use \[env\: DEVCTL_CONTEXT\]]:NAME:_default' \
'-n+[Namespace (else DEVCTL_NAMESPACE, the config file, the context'\''s, then default)]:NS:_default' \
'--namespace=[Namespace (else DEVCTL_NAMESPACE, the config file, the context'\''s, then default)]:NS:_default' \
'-o+[Output format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Output format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s (default\: no limit beyond the client'\''s own)]:DURATION:_default' \
'*-v[Show more detail\: -v the cause chain and each HTTP request, -vv their headers]' \
'*--verbose[Show more detail\: -v the cause chain and each HTTP request, -vv their headers]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output (also NO_COLOR)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':key -- One of\: namespace, context, flavor, image, ttl, ssh-key, ssh-transport, owner:_default' \
':value:_default' \
&& ret=0
;;
(unset)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)]:FILE:_files' \
'--context=[Kubeconfig context to use \[env\: DEVCTL_CONTEXT\]]:NAME:_default' \
'-n+[Namespace (else DEVCTL_NAMESPACE, the config file, the context'\''s, then default)]:NS:_default' \
'--namespace=[Namespace (else DEVCTL_NAMESPACE, the config file, the context'\''s, then default)]:NS:_default' \
'-o+[Output format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Output format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s (default\: no limit beyond the client'\''s own)]:DURATION:_default' \
'*-v[Show more detail\: -v the cause chain and each HTTP request, -vv their headers]' \
'*--verbose[Show more detail\: -v the cause chain and each HTTP request, -vv their headers]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output (also NO_COLOR)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':key:_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_devctl__subcmd__config__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:devctl-config-help-command-$line[1]:"
        case $line[1] in
            (view)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(path)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(set)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(unset)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(completions)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)]:FILE:_files' \
'--context=[Kubeconfig context to use \[env\: DEVCTL_CONTEXT\]]:NAME:_default' \
'-n+[Namespace (else DEVCTL_NAMESPACE, the config file, the context'\''s, then default)]:NS:_default' \
'--namespace=[Namespace (else DEVCTL_NAMESPACE, the config file, the context'\''s, then default)]:NS:_default' \
'-o+[Output format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Output format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s (default\: no limit beyond the client'\''s own)]:DURATION:_default' \
'*-v[Show more detail\: -v the cause chain and each HTTP request, -vv their headers]' \
'*--verbose[Show more detail\: -v the cause chain and each HTTP request, -vv their headers]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output (also NO_COLOR)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':shell:(bash elvish fish powershell zsh)' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_devctl__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:devctl-help-command-$line[1]:"
        case $line[1] in
            (status)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(version)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(config)
_arguments "${_arguments_options[@]}" : \
":: :_devctl__subcmd__help__subcmd__config_commands" \
"*::: :->config" \
&& ret=0

    case $state in
    (config)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:devctl-help-config-command-$line[1]:"
        case $line[1] in
            (view)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(path)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(set)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(unset)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(completions)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
}

(( $+functions[_devctl_commands] )) ||
_devctl_commands() {
    local commands; commands=(
'status:Show the cluster, who you are, and whether you may do what devctl needs' \
'version:Print the client version, and the server'\''s when it is reachable' \
'config:Show or change devctl'\''s settings' \
'completions:Print a shell completion script' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'devctl commands' commands "$@"
}
(( $+functions[_devctl__subcmd__completions_commands] )) ||
_devctl__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'devctl completions commands' commands "$@"
}
(( $+functions[_devctl__subcmd__config_commands] )) ||
_devctl__subcmd__config_commands() {
    local commands; commands=(
'view:Show every setting, its value and where the value comes from' \
'path:Print the path of the config file' \
'set:Set a setting in the config file' \
'unset:Remove a setting from the config file' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'devctl config commands' commands "$@"
}
(( $+functions[_devctl__subcmd__config__subcmd__help_commands] )) ||
_devctl__subcmd__config__subcmd__help_commands() {
    local commands; commands=(
'view:Show every setting, its value and where the value comes from' \
'path:Print the path of the config file' \
'set:Set a setting in the config file' \
'unset:Remove a setting from the config file' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'devctl config help commands' commands "$@"
}
(( $+functions[_devctl__subcmd__config__subcmd__help__subcmd__help_commands] )) ||
_devctl__subcmd__config__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'devctl config help help commands' commands "$@"
}
(( $+functions[_devctl__subcmd__config__subcmd__help__subcmd__path_commands] )) ||
_devctl__subcmd__config__subcmd__help__subcmd__path_commands() {
    local commands; commands=()
    _describe -t commands 'devctl config help path commands' commands "$@"
}
(( $+functions[_devctl__subcmd__config__subcmd__help__subcmd__set_commands] )) ||
_devctl__subcmd__config__subcmd__help__subcmd__set_commands() {
    local commands; commands=()
    _describe -t commands 'devctl config help set commands' commands "$@"
}
(( $+functions[_devctl__subcmd__config__subcmd__help__subcmd__unset_commands] )) ||
_devctl__subcmd__config__subcmd__help__subcmd__unset_commands() {
    local commands; commands=()
    _describe -t commands 'devctl config help unset commands' commands "$@"
}
(( $+functions[_devctl__subcmd__config__subcmd__help__subcmd__view_commands] )) ||
_devctl__subcmd__config__subcmd__help__subcmd__view_commands() {
    local commands; commands=()
    _describe -t commands 'devctl config help view commands' commands "$@"
}
(( $+functions[_devctl__subcmd__config__subcmd__path_commands] )) ||
_devctl__subcmd__config__subcmd__path_commands() {
    local commands; commands=()
    _describe -t commands 'devctl config path commands' commands "$@"
}
(( $+functions[_devctl__subcmd__config__subcmd__set_commands] )) ||
_devctl__subcmd__config__subcmd__set_commands() {
    local commands; commands=()
    _describe -t commands 'devctl config set commands' commands "$@"
}
(( $+functions[_devctl__subcmd__config__subcmd__unset_commands] )) ||
_devctl__subcmd__config__subcmd__unset_commands() {
    local commands; commands=()
    _describe -t commands 'devctl config unset commands' commands "$@"
}
(( $+functions[_devctl__subcmd__config__subcmd__view_commands] )) ||
_devctl__subcmd__config__subcmd__view_commands() {
    local commands; commands=()
    _describe -t commands 'devctl config view commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help_commands] )) ||
_devctl__subcmd__help_commands() {
    local commands; commands=(
'status:Show the cluster, who you are, and whether you may do what devctl needs' \
'version:Print the client version, and the server'\''s when it is reachable' \
'config:Show or change devctl'\''s settings' \
'completions:Print a shell completion script' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'devctl help commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__completions_commands] )) ||
_devctl__subcmd__help__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help completions commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__config_commands] )) ||
_devctl__subcmd__help__subcmd__config_commands() {
    local commands; commands=(
'view:Show every setting, its value and where the value comes from' \
'path:Print the path of the config file' \
'set:Set a setting in the config file' \
'unset:Remove a setting from the config file' \
    )
    _describe -t commands 'devctl help config commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__config__subcmd__path_commands] )) ||
_devctl__subcmd__help__subcmd__config__subcmd__path_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help config path commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__config__subcmd__set_commands] )) ||
_devctl__subcmd__help__subcmd__config__subcmd__set_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help config set commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__config__subcmd__unset_commands] )) ||
_devctl__subcmd__help__subcmd__config__subcmd__unset_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help config unset commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__config__subcmd__view_commands] )) ||
_devctl__subcmd__help__subcmd__config__subcmd__view_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help config view commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__help_commands] )) ||
_devctl__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help help commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__status_commands] )) ||
_devctl__subcmd__help__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help status commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__version_commands] )) ||
_devctl__subcmd__help__subcmd__version_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help version commands' commands "$@"
}
(( $+functions[_devctl__subcmd__status_commands] )) ||
_devctl__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'devctl status commands' commands "$@"
}
(( $+functions[_devctl__subcmd__version_commands] )) ||
_devctl__subcmd__version_commands() {
    local commands; commands=()
    _describe -t commands 'devctl version commands' commands "$@"
}

if [ "$funcstack[1]" = "_devctl" ]; then
    _devctl "$@"
else
    compdef _devctl devctl
fi
