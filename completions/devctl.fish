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

complete -c devctl -n "__fish_devctl_needs_command" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_needs_command" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_needs_command" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_needs_command" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_needs_command" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_needs_command" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_needs_command" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_needs_command" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_needs_command" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "create" -d 'Create a devserver'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "list" -d 'List your devservers'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "describe" -d 'Show a devserver in detail: its state, pod, volumes, SSH endpoints and events'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "delete" -d 'Delete devservers'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "stop" -d 'Stop a devserver (scale it to 0; the home volume stays)'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "start" -d 'Start a stopped devserver (scale it back to 1)'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "restart" -d 'Restart a devserver (a new pod replaces its pod; the home volume stays)'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "extend" -d 'Push a devserver\'s expiry out'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "ssh" -d 'Open a shell on a devserver, or run a command there, over SSH'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "exec" -d 'Run a command in a devserver\'s container through the Kubernetes exec API'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "proxy" -d 'Connect standard input and output to a devserver\'s SSH port, for ssh\'s ProxyCommand'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "port-forward" -d 'Forward local ports to ports of a devserver, e.g. for Jupyter or TensorBoard'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "cp" -d 'Copy files and directories to or from a devserver, over SFTP'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "logs" -d 'Print the log of a devserver\'s container'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "events" -d 'Show the events of a devserver: why its pod waits, fails or restarts'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "ssh-config" -d 'Print ssh_config entries that reach your devservers, or install them with --write'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "reap" -d 'Delete expired devservers (their home volumes are kept)'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "flavors" -d 'List the flavors devservers can be made with, and whether each fits on a node now'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "status" -d 'Show the cluster, who you are there, and whether you may do what devctl needs'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "version" -d 'Print devctl\'s version, and the API server\'s when it answers'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "config" -d 'Show or change devctl\'s settings'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "admin" -d 'Set up and look after devctl in a cluster (for cluster admins)'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "job" -d 'Run batch and distributed jobs and get their result files back'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c devctl -n "__fish_devctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c devctl -n "__fish_devctl_using_subcommand create" -l flavor -d 'Size the devserver by this flavor, e.g. cpu-medium' -r
complete -c devctl -n "__fish_devctl_using_subcommand create" -l owner -d 'Record this owner on the devserver' -r
complete -c devctl -n "__fish_devctl_using_subcommand create" -l image -d 'Run this container image' -r
complete -c devctl -n "__fish_devctl_using_subcommand create" -l ssh-key -d 'Authorize the public key in this file (repeatable)' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand create" -l ttl -d 'Let the devserver expire after this long, e.g. 8h, 90m, 1h30m or 2d' -r
complete -c devctl -n "__fish_devctl_using_subcommand create" -l home -d 'Give the devserver a persistent home of this size, e.g. 20Gi' -r
complete -c devctl -n "__fish_devctl_using_subcommand create" -l volume -d 'Mount an existing PersistentVolumeClaim at a path, read-only with :ro (repeatable)' -r
complete -c devctl -n "__fish_devctl_using_subcommand create" -s e -l env -d 'Set an environment variable in the devserver (repeatable)' -r
complete -c devctl -n "__fish_devctl_using_subcommand create" -l env-file -d 'Set the environment variables of a file of KEY=VALUE lines' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand create" -l cpu -d 'Request and limit this much CPU instead of the flavor\'s, e.g. 4 or 1500m' -r
complete -c devctl -n "__fish_devctl_using_subcommand create" -l memory -d 'Request and limit this much memory instead of the flavor\'s, e.g. 16Gi' -r
complete -c devctl -n "__fish_devctl_using_subcommand create" -l gpu -d 'Give the devserver GPUs instead of the flavor\'s, e.g. 1 or nvidia.com/mig-1g.10gb=1' -r
complete -c devctl -n "__fish_devctl_using_subcommand create" -l port -d 'Declare another container port, e.g. 8888 for Jupyter (repeatable)' -r
complete -c devctl -n "__fish_devctl_using_subcommand create" -l expose -d 'Publish SSH and every --port on a NodePort Service NAME-ssh: nodeport, or nodeport:PORT' -r
complete -c devctl -n "__fish_devctl_using_subcommand create" -l nodes -d 'Run the devserver on this many pods, NAME-0 to NAME-<N-1> (1 to 64)' -r
complete -c devctl -n "__fish_devctl_using_subcommand create" -s f -l filename -d 'Read the devserver from a DevServer YAML file (flags override its fields)' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand create" -l timeout -d 'Give up waiting after this long (exit 6)' -r
complete -c devctl -n "__fish_devctl_using_subcommand create" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand create" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand create" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand create" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand create" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand create" -l no-home -d 'Make no persistent home, even when the flavor has a homeSize'
complete -c devctl -n "__fish_devctl_using_subcommand create" -l wait -d 'Wait until the devserver is ready for SSH'
complete -c devctl -n "__fish_devctl_using_subcommand create" -l dry-run -d 'Print the manifests and change nothing'
complete -c devctl -n "__fish_devctl_using_subcommand create" -l show-secrets -d 'Show Secret values in the --dry-run output (the host private key, --env-file values)'
complete -c devctl -n "__fish_devctl_using_subcommand create" -l offline -d 'Make no API call at all (with --dry-run and --flavor)'
complete -c devctl -n "__fish_devctl_using_subcommand create" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand create" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand create" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand create" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand list" -s l -l selector -d 'Only devservers whose labels match, e.g. team=ml' -r
complete -c devctl -n "__fish_devctl_using_subcommand list" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand list" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand list" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand list" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand list" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand list" -l all-users -d 'Everyone\'s devservers in the namespace'
complete -c devctl -n "__fish_devctl_using_subcommand list" -s A -l all-namespaces -d 'Devservers in every namespace (implies --all-users)'
complete -c devctl -n "__fish_devctl_using_subcommand list" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand list" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand list" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand list" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand describe" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand describe" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand describe" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand describe" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand describe" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand describe" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand describe" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand describe" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand describe" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand delete" -l timeout -d 'How long --wait waits' -r
complete -c devctl -n "__fish_devctl_using_subcommand delete" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand delete" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand delete" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand delete" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand delete" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand delete" -s y -l yes -d 'Do not ask for confirmation (needed when not on a terminal)'
complete -c devctl -n "__fish_devctl_using_subcommand delete" -l purge -d 'Also delete the home volume and its data'
complete -c devctl -n "__fish_devctl_using_subcommand delete" -l ignore-not-found -d 'Succeed when a devserver does not exist'
complete -c devctl -n "__fish_devctl_using_subcommand delete" -l wait -d 'Wait until the devserver\'s pod and StatefulSet are gone (so the name can be reused)'
complete -c devctl -n "__fish_devctl_using_subcommand delete" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand delete" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand delete" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand delete" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand stop" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand stop" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand stop" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand stop" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand stop" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand stop" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand stop" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand stop" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand stop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand stop" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand start" -l timeout -d 'How long --wait waits' -r
complete -c devctl -n "__fish_devctl_using_subcommand start" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand start" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand start" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand start" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand start" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand start" -l wait -d 'Wait until the devserver is ready for SSH'
complete -c devctl -n "__fish_devctl_using_subcommand start" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand start" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand start" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand start" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand restart" -l timeout -d 'How long --wait waits' -r
complete -c devctl -n "__fish_devctl_using_subcommand restart" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand restart" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand restart" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand restart" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand restart" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand restart" -l wait -d 'Wait until the new pod is ready for SSH'
complete -c devctl -n "__fish_devctl_using_subcommand restart" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand restart" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand restart" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand restart" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand restart" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand extend" -l ttl -d 'How much longer, e.g. 4h (counted from the current expiry, or from now once expired)' -r
complete -c devctl -n "__fish_devctl_using_subcommand extend" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand extend" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand extend" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand extend" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand extend" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand extend" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand extend" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand extend" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand extend" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand extend" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand ssh" -l via -d 'How to reach it: port-forward (through the API server), nodeport, or direct (the pod\'s address, from inside the cluster)' -r -f -a "port-forward\t''
nodeport\t''
direct\t''"
complete -c devctl -n "__fish_devctl_using_subcommand ssh" -s i -l identity -d 'Private key to log in with (repeatable; default: the keys create authorizes)' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand ssh" -s l -l user -d 'Log in as USER instead of dev' -r
complete -c devctl -n "__fish_devctl_using_subcommand ssh" -s L -d 'Forward a local port to HOST:HOSTPORT as seen from the devserver (repeatable)' -r
complete -c devctl -n "__fish_devctl_using_subcommand ssh" -l timeout -d 'How long to wait for a devserver that is still starting' -r
complete -c devctl -n "__fish_devctl_using_subcommand ssh" -l node -d 'Reach pod I of a multi-node devserver (create --nodes), from 0' -r
complete -c devctl -n "__fish_devctl_using_subcommand ssh" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand ssh" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand ssh" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand ssh" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand ssh" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand ssh" -s A -l forward-agent -d 'Forward your ssh-agent to the devserver (the ssh-forward-agent setting makes it the default)'
complete -c devctl -n "__fish_devctl_using_subcommand ssh" -s a -l no-forward-agent -d 'Do not forward your ssh-agent, whatever the setting says'
complete -c devctl -n "__fish_devctl_using_subcommand ssh" -s t -d 'Ask for a terminal even with a command, as ssh -t'
complete -c devctl -n "__fish_devctl_using_subcommand ssh" -s T -d 'Never ask for a terminal, as ssh -T'
complete -c devctl -n "__fish_devctl_using_subcommand ssh" -l start -d 'Start the devserver if it is stopped (else a stopped one is an error)'
complete -c devctl -n "__fish_devctl_using_subcommand ssh" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand ssh" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand ssh" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand ssh" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand ssh" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand exec" -l timeout -d 'How long to wait for a devserver that is still starting' -r
complete -c devctl -n "__fish_devctl_using_subcommand exec" -l node -d 'Reach pod I of a multi-node devserver (create --nodes), from 0' -r
complete -c devctl -n "__fish_devctl_using_subcommand exec" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand exec" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand exec" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand exec" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand exec" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand exec" -s i -l stdin -d 'Pass standard input to the command'
complete -c devctl -n "__fish_devctl_using_subcommand exec" -s t -l tty -d 'Give the command a terminal (with -i: the local terminal in raw mode)'
complete -c devctl -n "__fish_devctl_using_subcommand exec" -l start -d 'Start the devserver if it is stopped (else a stopped one is an error)'
complete -c devctl -n "__fish_devctl_using_subcommand exec" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand exec" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand exec" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand exec" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand exec" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand proxy" -l via -d 'How to reach it: port-forward, nodeport or direct (as for devctl ssh)' -r -f -a "port-forward\t''
nodeport\t''
direct\t''"
complete -c devctl -n "__fish_devctl_using_subcommand proxy" -l timeout -d 'How long to wait for a devserver that is still starting' -r
complete -c devctl -n "__fish_devctl_using_subcommand proxy" -l node -d 'Reach pod I of a multi-node devserver (create --nodes), from 0' -r
complete -c devctl -n "__fish_devctl_using_subcommand proxy" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand proxy" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand proxy" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand proxy" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand proxy" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand proxy" -l start -d 'Start the devserver if it is stopped (else a stopped one is an error)'
complete -c devctl -n "__fish_devctl_using_subcommand proxy" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand proxy" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand proxy" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand proxy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand proxy" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand port-forward" -l address -d 'Local address to listen on: an IP address or localhost (repeatable, or comma-separated)' -r
complete -c devctl -n "__fish_devctl_using_subcommand port-forward" -l timeout -d 'How long to wait for a devserver that is still starting' -r
complete -c devctl -n "__fish_devctl_using_subcommand port-forward" -l node -d 'Reach pod I of a multi-node devserver (create --nodes), from 0' -r
complete -c devctl -n "__fish_devctl_using_subcommand port-forward" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand port-forward" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand port-forward" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand port-forward" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand port-forward" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand port-forward" -l start -d 'Start the devserver if it is stopped (else a stopped one is an error)'
complete -c devctl -n "__fish_devctl_using_subcommand port-forward" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand port-forward" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand port-forward" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand port-forward" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand port-forward" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand cp" -l via -d 'How to reach it: port-forward (through the API server), nodeport, or direct (the pod\'s address, from inside the cluster)' -r -f -a "port-forward\t''
nodeport\t''
direct\t''"
complete -c devctl -n "__fish_devctl_using_subcommand cp" -s i -l identity -d 'Private key to log in with (repeatable; default: the keys create authorizes)' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand cp" -s l -l user -d 'Log in as USER instead of dev' -r
complete -c devctl -n "__fish_devctl_using_subcommand cp" -l timeout -d 'How long to wait for a devserver that is still starting' -r
complete -c devctl -n "__fish_devctl_using_subcommand cp" -l node -d 'Reach pod I of a multi-node devserver (create --nodes), from 0' -r
complete -c devctl -n "__fish_devctl_using_subcommand cp" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand cp" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand cp" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand cp" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand cp" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand cp" -l start -d 'Start the devserver if it is stopped (else a stopped one is an error)'
complete -c devctl -n "__fish_devctl_using_subcommand cp" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand cp" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand cp" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand cp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand cp" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand logs" -l since -d 'Only output of the last DURATION, e.g. 10m or 1h30m' -r
complete -c devctl -n "__fish_devctl_using_subcommand logs" -l tail -d 'Only the last N lines (then, with -f, what follows)' -r
complete -c devctl -n "__fish_devctl_using_subcommand logs" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand logs" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand logs" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand logs" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand logs" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand logs" -s f -l follow -d 'Keep printing new output until the container ends (Ctrl-C stops it)'
complete -c devctl -n "__fish_devctl_using_subcommand logs" -l previous -d 'Print the log of the container\'s previous run (after a crash or restart)'
complete -c devctl -n "__fish_devctl_using_subcommand logs" -l timestamps -d 'Begin each line with the time the cluster received it (RFC 3339)'
complete -c devctl -n "__fish_devctl_using_subcommand logs" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand logs" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand logs" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand logs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand logs" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand events" -l for -d 'Stop watching after this long, e.g. 10m (exit 0)' -r
complete -c devctl -n "__fish_devctl_using_subcommand events" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand events" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand events" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand events" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand events" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand events" -s w -l watch -d 'Keep printing events as they happen (Ctrl-C stops it)'
complete -c devctl -n "__fish_devctl_using_subcommand events" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand events" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand events" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand events" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand events" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand ssh-config" -s i -l identity -d 'Offer this private key (repeatable) instead of the default' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand ssh-config" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand ssh-config" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand ssh-config" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand ssh-config" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand ssh-config" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand ssh-config" -l write -d 'Install the entries: ~/.ssh/devctl/config, devctl\'s known_hosts, an Include line'
complete -c devctl -n "__fish_devctl_using_subcommand ssh-config" -l diff -d 'Show what --write would change, as a unified diff, and write nothing'
complete -c devctl -n "__fish_devctl_using_subcommand ssh-config" -s A -l all-namespaces -d 'Your devservers in every namespace (needs the right to list StatefulSets cluster-wide)'
complete -c devctl -n "__fish_devctl_using_subcommand ssh-config" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand ssh-config" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand ssh-config" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand ssh-config" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand ssh-config" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand reap" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand reap" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand reap" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand reap" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand reap" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand reap" -s A -l all-namespaces -d 'In every namespace'
complete -c devctl -n "__fish_devctl_using_subcommand reap" -l dry-run -d 'Say what would be deleted and delete nothing'
complete -c devctl -n "__fish_devctl_using_subcommand reap" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand reap" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand reap" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand reap" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand reap" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand flavors" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand flavors" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand flavors" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand flavors" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand flavors" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand flavors" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand flavors" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand flavors" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand flavors" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand flavors" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand status" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand status" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand status" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand status" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand status" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand status" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand status" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand status" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand status" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand version" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand version" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand version" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand version" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand version" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand version" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand version" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand version" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand version" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -f -a "view" -d 'Show every setting, its value and where the value comes from'
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -f -a "path" -d 'Print the path of the config file'
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -f -a "set" -d 'Set a setting in the config file'
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -f -a "unset" -d 'Remove a setting from the config file'
complete -c devctl -n "__fish_devctl_using_subcommand config; and not __fish_seen_subcommand_from view path set unset help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from view" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from view" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from view" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from view" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from view" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from view" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from view" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from view" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from view" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from path" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from path" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from path" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from path" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from path" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from path" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from path" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from path" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from set" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from set" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from set" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from set" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from set" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from set" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from unset" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from unset" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from unset" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from unset" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from unset" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from unset" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from unset" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from unset" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from unset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from unset" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "view" -d 'Show every setting, its value and where the value comes from'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the path of the config file'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set a setting in the config file'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "unset" -d 'Remove a setting from the config file'
complete -c devctl -n "__fish_devctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and not __fish_seen_subcommand_from install uninstall flavor user help" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand admin; and not __fish_seen_subcommand_from install uninstall flavor user help" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand admin; and not __fish_seen_subcommand_from install uninstall flavor user help" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand admin; and not __fish_seen_subcommand_from install uninstall flavor user help" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand admin; and not __fish_seen_subcommand_from install uninstall flavor user help" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand admin; and not __fish_seen_subcommand_from install uninstall flavor user help" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and not __fish_seen_subcommand_from install uninstall flavor user help" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and not __fish_seen_subcommand_from install uninstall flavor user help" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and not __fish_seen_subcommand_from install uninstall flavor user help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and not __fish_seen_subcommand_from install uninstall flavor user help" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and not __fish_seen_subcommand_from install uninstall flavor user help" -f -a "install" -d 'Install or update devctl\'s cluster objects (idempotent)'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and not __fish_seen_subcommand_from install uninstall flavor user help" -f -a "uninstall" -d 'Remove what devctl admin install made'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and not __fish_seen_subcommand_from install uninstall flavor user help" -f -a "flavor" -d 'Change the cluster\'s DevServerFlavors'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and not __fish_seen_subcommand_from install uninstall flavor user help" -f -a "user" -d 'Onboard, list and remove devserver users'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and not __fish_seen_subcommand_from install uninstall flavor user help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from install" -l reaper-image -d 'Also install the reaper CronJob, running this image (devctl as its entrypoint, as the repository\'s Dockerfile builds it)' -r
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from install" -l reaper-schedule -d 'When the reaper runs, in cron syntax' -r
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from install" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from install" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from install" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from install" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from install" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from install" -l dry-run -d 'Print the objects that would be applied and change nothing'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from install" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from install" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from install" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from install" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from install" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from uninstall" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from uninstall" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from uninstall" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from uninstall" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from uninstall" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from uninstall" -l all -d 'Also delete every devserver, home volume, user namespace and user binding devctl made'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from uninstall" -s y -l yes -d 'Do not ask for confirmation'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from uninstall" -l dry-run -d 'Say what would be deleted and delete nothing'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from uninstall" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from uninstall" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from uninstall" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from uninstall" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from uninstall" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from flavor" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from flavor" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from flavor" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from flavor" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from flavor" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from flavor" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from flavor" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from flavor" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from flavor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from flavor" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from flavor" -f -a "set-default" -d 'Make one flavor the default, and no other'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from flavor" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from user" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from user" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from user" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from user" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from user" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from user" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from user" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from user" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from user" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from user" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from user" -f -a "add" -d 'Give a user a namespace dev-USER, a ServiceAccount, a quota and a kubeconfig'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from user" -f -a "list" -d 'List the users devctl onboarded, with their quota use and devservers'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from user" -f -a "remove" -d 'Remove a user: the namespace dev-USER with its devservers and volumes'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from user" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "install" -d 'Install or update devctl\'s cluster objects (idempotent)'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "uninstall" -d 'Remove what devctl admin install made'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "flavor" -d 'Change the cluster\'s DevServerFlavors'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "user" -d 'Onboard, list and remove devserver users'
complete -c devctl -n "__fish_devctl_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c devctl -n "__fish_devctl_using_subcommand job; and not __fish_seen_subcommand_from run list describe logs wait results delete help" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand job; and not __fish_seen_subcommand_from run list describe logs wait results delete help" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and not __fish_seen_subcommand_from run list describe logs wait results delete help" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and not __fish_seen_subcommand_from run list describe logs wait results delete help" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand job; and not __fish_seen_subcommand_from run list describe logs wait results delete help" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and not __fish_seen_subcommand_from run list describe logs wait results delete help" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand job; and not __fish_seen_subcommand_from run list describe logs wait results delete help" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand job; and not __fish_seen_subcommand_from run list describe logs wait results delete help" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand job; and not __fish_seen_subcommand_from run list describe logs wait results delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand job; and not __fish_seen_subcommand_from run list describe logs wait results delete help" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand job; and not __fish_seen_subcommand_from run list describe logs wait results delete help" -f -a "run" -d 'Run a command as a job: devctl job run [NAME] --image IMG -- CMD [ARGS...]'
complete -c devctl -n "__fish_devctl_using_subcommand job; and not __fish_seen_subcommand_from run list describe logs wait results delete help" -f -a "list" -d 'List your jobs: NAME, STATUS, NODES, AGE, DURATION, EXIT'
complete -c devctl -n "__fish_devctl_using_subcommand job; and not __fish_seen_subcommand_from run list describe logs wait results delete help" -f -a "describe" -d 'Show a job in detail: its spec, its pods per index with their exit codes, its results and events'
complete -c devctl -n "__fish_devctl_using_subcommand job; and not __fish_seen_subcommand_from run list describe logs wait results delete help" -f -a "logs" -d 'Print a job\'s output'
complete -c devctl -n "__fish_devctl_using_subcommand job; and not __fish_seen_subcommand_from run list describe logs wait results delete help" -f -a "wait" -d 'Wait for a job to finish and exit with its command\'s exit code'
complete -c devctl -n "__fish_devctl_using_subcommand job; and not __fish_seen_subcommand_from run list describe logs wait results delete help" -f -a "results" -d 'Copy a job\'s result files to this machine, each checked with SHA-256'
complete -c devctl -n "__fish_devctl_using_subcommand job; and not __fish_seen_subcommand_from run list describe logs wait results delete help" -f -a "delete" -d 'Delete jobs: the Job, its pods, Secret, ConfigMap, Service and claims'
complete -c devctl -n "__fish_devctl_using_subcommand job; and not __fish_seen_subcommand_from run list describe logs wait results delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l image -d 'Run this container image' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l flavor -d 'Size the job by this flavor, e.g. cpu-medium (default: the default flavor)' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l owner -d 'Record this owner on the job (default: as for devctl create)' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l cpu -d 'Request and limit this much CPU instead of the flavor\'s, e.g. 4 or 1500m' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l memory -d 'Request and limit this much memory instead of the flavor\'s, e.g. 16Gi' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l gpu -d 'Give each pod GPUs instead of the flavor\'s, e.g. 1 or nvidia.com/mig-1g.10gb=1' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -s e -l env -d 'Set an environment variable in the job (repeatable)' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l env-file -d 'Set the environment variables of a file of KEY=VALUE lines' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l config-file -d 'Mount this file read-only at /devctl/config/KEY (repeatable)' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l volume -d 'Mount a volume: CLAIM:/PATH[:ro] (an existing claim) or SIZE:/PATH[:rwo|rwx|rwop|rox] (repeatable)' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l user -d 'Run the command as this user and group, e.g. 1000 or 1000:1000' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l fs-group -d 'Give the volumes this group (the pod\'s fsGroup), e.g. 1000' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l ttl -d 'Delete the finished job, its pods and its results this long after it ends' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l retries -d 'Run a failed pod again this many times before the job fails (not with --nodes: a failing pod fails the whole gang)' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l nodes -d 'Run on this many pods at once (an Indexed Job with ranks 0..N-1)' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l procs-per-node -d 'Processes each pod runs (PET_NPROC_PER_NODE; WORLD_SIZE is nodes x this)' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l master-port -d 'The port rank 0 listens on (MASTER_PORT)' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l queue -d 'Queue the job in this Kueue LocalQueue: it is made suspended for Kueue to admit' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l results -d 'Where the command writes the files it wants back' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l results-size -d 'Size of each pod\'s results volume' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l results-class -d 'StorageClass of the results claim (default: the cluster\'s default class)' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l timeout -d 'Give up waiting after this long (exit 6; the job goes on)' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l no-results -d 'Keep no results: no results claim is made, and `job results` has nothing to read'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l wait -d 'Wait for the job to finish and exit with the command\'s exit code'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l follow -d 'Print the job\'s output while waiting (implies --wait)'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l dry-run -d 'Print the manifests and change nothing'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l show-secrets -d 'Show Secret values in the --dry-run output'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from list" -s l -l selector -d 'Only jobs whose labels match, e.g. team=ml' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from list" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from list" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from list" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from list" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from list" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from list" -l all-users -d 'Everyone\'s jobs in the namespace'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from list" -s A -l all-namespaces -d 'Jobs in every namespace (implies --all-users)'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from list" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from describe" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from describe" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from describe" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from describe" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from describe" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from describe" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from describe" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from describe" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from logs" -l index -d 'The output of this index\'s pod' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from logs" -l tail -d 'Only the last N lines of each pod (then, with -f, what follows)' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from logs" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from logs" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from logs" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from logs" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from logs" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from logs" -l all -d 'The output of every index, each line prefixed with its index'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Keep printing new output until the pods end'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from logs" -l timestamps -d 'Begin each line with the time the cluster received it (RFC 3339)'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from logs" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from logs" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from logs" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from logs" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from wait" -l timeout -d 'Give up after this long (exit 6)' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from wait" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from wait" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from wait" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from wait" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from wait" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from wait" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from wait" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from wait" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from wait" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from results" -l index -d 'Only this index\'s results' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from results" -l timeout -d 'Give up after this long (exit 6)' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from results" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from results" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from results" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from results" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from results" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from results" -l list -d 'List the result files (path, size, SHA-256) and copy nothing'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from results" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from results" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from results" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from results" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from results" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from delete" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from delete" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from delete" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from delete" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from delete" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation (needed when not on a terminal)'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from delete" -l keep-results -d 'Keep the results volumes'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from delete" -l ignore-not-found -d 'Succeed when a job does not exist'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from delete" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run a command as a job: devctl job run [NAME] --image IMG -- CMD [ARGS...]'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "list" -d 'List your jobs: NAME, STATUS, NODES, AGE, DURATION, EXIT'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a job in detail: its spec, its pods per index with their exit codes, its results and events'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "logs" -d 'Print a job\'s output'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "wait" -d 'Wait for a job to finish and exit with its command\'s exit code'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "results" -d 'Copy a job\'s result files to this machine, each checked with SHA-256'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete jobs: the Job, its pods, Secret, ConfigMap, Service and claims'
complete -c devctl -n "__fish_devctl_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c devctl -n "__fish_devctl_using_subcommand completions" -l kubeconfig -d 'Use this kubeconfig file' -r -F
complete -c devctl -n "__fish_devctl_using_subcommand completions" -l context -d 'Use this kubeconfig context' -r
complete -c devctl -n "__fish_devctl_using_subcommand completions" -s n -l namespace -d 'Work in this namespace' -r
complete -c devctl -n "__fish_devctl_using_subcommand completions" -s o -l output -d 'Print data in this format' -r -f -a "table\t'Plain columns, like kubectl'
wide\t'Plain columns with more of them'
json\t'JSON, stable schema'
yaml\t'YAML, the same schema as JSON'
name\t'Names only, one per line'"
complete -c devctl -n "__fish_devctl_using_subcommand completions" -l request-timeout -d 'Give up on a request that takes longer than this, e.g. 30s' -r
complete -c devctl -n "__fish_devctl_using_subcommand completions" -s v -l verbose -d 'Show more detail on stderr (repeatable)'
complete -c devctl -n "__fish_devctl_using_subcommand completions" -s q -l quiet -d 'Print only data and errors'
complete -c devctl -n "__fish_devctl_using_subcommand completions" -l no-color -d 'Never colour the output'
complete -c devctl -n "__fish_devctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c devctl -n "__fish_devctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "create" -d 'Create a devserver'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "list" -d 'List your devservers'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "describe" -d 'Show a devserver in detail: its state, pod, volumes, SSH endpoints and events'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "delete" -d 'Delete devservers'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "stop" -d 'Stop a devserver (scale it to 0; the home volume stays)'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "start" -d 'Start a stopped devserver (scale it back to 1)'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "restart" -d 'Restart a devserver (a new pod replaces its pod; the home volume stays)'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "extend" -d 'Push a devserver\'s expiry out'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "ssh" -d 'Open a shell on a devserver, or run a command there, over SSH'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "exec" -d 'Run a command in a devserver\'s container through the Kubernetes exec API'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "proxy" -d 'Connect standard input and output to a devserver\'s SSH port, for ssh\'s ProxyCommand'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "port-forward" -d 'Forward local ports to ports of a devserver, e.g. for Jupyter or TensorBoard'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "cp" -d 'Copy files and directories to or from a devserver, over SFTP'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "logs" -d 'Print the log of a devserver\'s container'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "events" -d 'Show the events of a devserver: why its pod waits, fails or restarts'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "ssh-config" -d 'Print ssh_config entries that reach your devservers, or install them with --write'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "reap" -d 'Delete expired devservers (their home volumes are kept)'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "flavors" -d 'List the flavors devservers can be made with, and whether each fits on a node now'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "status" -d 'Show the cluster, who you are there, and whether you may do what devctl needs'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "version" -d 'Print devctl\'s version, and the API server\'s when it answers'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "config" -d 'Show or change devctl\'s settings'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "admin" -d 'Set up and look after devctl in a cluster (for cluster admins)'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "job" -d 'Run batch and distributed jobs and get their result files back'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c devctl -n "__fish_devctl_using_subcommand help; and not __fish_seen_subcommand_from create list describe delete stop start restart extend ssh exec proxy port-forward cp logs events ssh-config reap flavors status version config admin job completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c devctl -n "__fish_devctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "view" -d 'Show every setting, its value and where the value comes from'
complete -c devctl -n "__fish_devctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the path of the config file'
complete -c devctl -n "__fish_devctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Set a setting in the config file'
complete -c devctl -n "__fish_devctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "unset" -d 'Remove a setting from the config file'
complete -c devctl -n "__fish_devctl_using_subcommand help; and __fish_seen_subcommand_from admin" -f -a "install" -d 'Install or update devctl\'s cluster objects (idempotent)'
complete -c devctl -n "__fish_devctl_using_subcommand help; and __fish_seen_subcommand_from admin" -f -a "uninstall" -d 'Remove what devctl admin install made'
complete -c devctl -n "__fish_devctl_using_subcommand help; and __fish_seen_subcommand_from admin" -f -a "flavor" -d 'Change the cluster\'s DevServerFlavors'
complete -c devctl -n "__fish_devctl_using_subcommand help; and __fish_seen_subcommand_from admin" -f -a "user" -d 'Onboard, list and remove devserver users'
complete -c devctl -n "__fish_devctl_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "run" -d 'Run a command as a job: devctl job run [NAME] --image IMG -- CMD [ARGS...]'
complete -c devctl -n "__fish_devctl_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "list" -d 'List your jobs: NAME, STATUS, NODES, AGE, DURATION, EXIT'
complete -c devctl -n "__fish_devctl_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "describe" -d 'Show a job in detail: its spec, its pods per index with their exit codes, its results and events'
complete -c devctl -n "__fish_devctl_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "logs" -d 'Print a job\'s output'
complete -c devctl -n "__fish_devctl_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "wait" -d 'Wait for a job to finish and exit with its command\'s exit code'
complete -c devctl -n "__fish_devctl_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "results" -d 'Copy a job\'s result files to this machine, each checked with SHA-256'
complete -c devctl -n "__fish_devctl_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "delete" -d 'Delete jobs: the Job, its pods, Secret, ConfigMap, Service and claims'
