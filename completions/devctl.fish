# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_devctl_global_optspecs
    string join \n kubeconfig= context= n/namespace= o/output= v/verbose q/quiet request-timeout= no-color h/help V/version
end

function __fish_devctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_devctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_devctl_using_subcommand
    set -l cmd (__fish_devctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c devctl -n "__fish_devctl_needs_command" -l kubeconfig -d 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)' -r -F
complete -c devctl -n "__fish_devctl_needs_command" -l context -d 'Kubeconfig context to use [env: DEVCTL_CONTEXT]' -r
complete -c devctl -n "__fish_devctl_needs_command" -s n -l namespace -d 'Namespace (else DEVCTL_NAMESPACE, the config file, the context\'s, then default)' -r
complete -c devctl -n "__fish_devctl_needs_command" -s o -l output -d 'Output format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_needs_command" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client\'s own)' -r
complete -c devctl -n "__fish_devctl_needs_command" -s v -l verbose -d 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
complete -c devctl -n "__fish_devctl_needs_command" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_needs_command" -l no-color -d 'Never colour the output (also NO_COLOR)'
complete -c devctl -n "__fish_devctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_needs_command" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "status" -d 'Show the cluster, who you are, and whether you may do what devctl needs'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "version" -d 'Print the client version, and the server\'s when it is reachable'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "config" -d 'Show or change devctl\'s settings'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c devctl -n "__fish_devctl_using_subcommand status" -l kubeconfig -d 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand status" -l context -d 'Kubeconfig context to use [env: DEVCTL_CONTEXT]' -r
complete -c devctl -n "__fish_devctl_using_subcommand status" -s n -l namespace -d 'Namespace (else DEVCTL_NAMESPACE, the config file, the context\'s, then default)' -r
complete -c devctl -n "__fish_devctl_using_subcommand status" -s o -l output -d 'Output format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand status" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client\'s own)' -r
complete -c devctl -n "__fish_devctl_using_subcommand status" -s v -l verbose -d 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
complete -c devctl -n "__fish_devctl_using_subcommand status" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand status" -l no-color -d 'Never colour the output (also NO_COLOR)'
complete -c devctl -n "__fish_devctl_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand status" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand version" -l kubeconfig -d 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand version" -l context -d 'Kubeconfig context to use [env: DEVCTL_CONTEXT]' -r
complete -c devctl -n "__fish_devctl_using_subcommand version" -s n -l namespace -d 'Namespace (else DEVCTL_NAMESPACE, the config file, the context\'s, then default)' -r
complete -c devctl -n "__fish_devctl_using_subcommand version" -s o -l output -d 'Output format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand version" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client\'s own)' -r
complete -c devctl -n "__fish_devctl_using_subcommand version" -s v -l verbose -d 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
complete -c devctl -n "__fish_devctl_using_subcommand version" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand version" -l no-color -d 'Never colour the output (also NO_COLOR)'
complete -c devctl -n "__fish_devctl_using_subcommand version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand version" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -l kubeconfig -d 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -l context -d 'Kubeconfig context to use [env: DEVCTL_CONTEXT]' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -s n -l namespace -d 'Namespace (else DEVCTL_NAMESPACE, the config file, the context\'s, then default)' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -s o -l output -d 'Output format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client\'s own)' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -s v -l verbose -d 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -l no-color -d 'Never colour the output (also NO_COLOR)'
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -f -a "view" -d 'Show every setting, its value and where the value comes from'
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -f -a "path" -d 'Print the path of the config file'
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -f -a "set" -d 'Set a setting in the config file'
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -f -a "unset" -d 'Remove a setting from the config file'
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from view" -l kubeconfig -d 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from view" -l context -d 'Kubeconfig context to use [env: DEVCTL_CONTEXT]' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from view" -s n -l namespace -d 'Namespace (else DEVCTL_NAMESPACE, the config file, the context\'s, then default)' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from view" -s o -l output -d 'Output format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from view" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client\'s own)' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from view" -s v -l verbose -d 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from view" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from view" -l no-color -d 'Never colour the output (also NO_COLOR)'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from view" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from path" -l kubeconfig -d 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from path" -l context -d 'Kubeconfig context to use [env: DEVCTL_CONTEXT]' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from path" -s n -l namespace -d 'Namespace (else DEVCTL_NAMESPACE, the config file, the context\'s, then default)' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from path" -s o -l output -d 'Output format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from path" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client\'s own)' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from path" -s v -l verbose -d 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from path" -l no-color -d 'Never colour the output (also NO_COLOR)'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from path" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from set" -l kubeconfig -d 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from set" -l context -d 'Kubeconfig context to use [env: DEVCTL_CONTEXT]' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from set" -s n -l namespace -d 'Namespace (else DEVCTL_NAMESPACE, the config file, the context\'s, then default)' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from set" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client\'s own)' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from set" -l no-color -d 'Never colour the output (also NO_COLOR)'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from unset" -l kubeconfig -d 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from unset" -l context -d 'Kubeconfig context to use [env: DEVCTL_CONTEXT]' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from unset" -s n -l namespace -d 'Namespace (else DEVCTL_NAMESPACE, the config file, the context\'s, then default)' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from unset" -s o -l output -d 'Output format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from unset" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client\'s own)' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from unset" -s v -l verbose -d 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from unset" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from unset" -l no-color -d 'Never colour the output (also NO_COLOR)'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from unset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from unset" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "view" -d 'Show every setting, its value and where the value comes from'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the path of the config file'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set a setting in the config file'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "unset" -d 'Remove a setting from the config file'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c devctl -n "__fish_devctl_using_subcommand completions" -l kubeconfig -d 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand completions" -l context -d 'Kubeconfig context to use [env: DEVCTL_CONTEXT]' -r
complete -c devctl -n "__fish_devctl_using_subcommand completions" -s n -l namespace -d 'Namespace (else DEVCTL_NAMESPACE, the config file, the context\'s, then default)' -r
complete -c devctl -n "__fish_devctl_using_subcommand completions" -s o -l output -d 'Output format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand completions" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client\'s own)' -r
complete -c devctl -n "__fish_devctl_using_subcommand completions" -s v -l verbose -d 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
complete -c devctl -n "__fish_devctl_using_subcommand completions" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand completions" -l no-color -d 'Never colour the output (also NO_COLOR)'
complete -c devctl -n "__fish_devctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from status version config completions help" -f -a "status" -d 'Show the cluster, who you are, and whether you may do what devctl needs'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from status version config completions help" -f -a "version" -d 'Print the client version, and the server\'s when it is reachable'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from status version config completions help" -f -a "config" -d 'Show or change devctl\'s settings'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from status version config completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from status version config completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c devctl -n "__fish_devctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "view" -d 'Show every setting, its value and where the value comes from'
complete -c devctl -n "__fish_devctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the path of the config file'
complete -c devctl -n "__fish_devctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Set a setting in the config file'
complete -c devctl -n "__fish_devctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "unset" -d 'Remove a setting from the config file'
