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
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
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
            (create)
_arguments "${_arguments_options[@]}" : \
'--flavor=[Size the devserver by this flavor, e.g. cpu-medium]:FLAVOR:_default' \
'--owner=[Record this owner on the devserver]:OWNER:_default' \
'--image=[Run this container image]:IMAGE:_default' \
'*--ssh-key=[Authorize the public key in this file (repeatable)]:FILE:_files' \
'--ttl=[Let the devserver expire after this long, e.g. 8h, 90m, 1h30m or 2d]:DURATION:_default' \
'(--no-home)--home=[Give the devserver a persistent home of this size, e.g. 20Gi]:SIZE:_default' \
'*--volume=[Mount an existing PersistentVolumeClaim at a path, read-only with \:ro (repeatable)]:CLAIM:/PATH[:ro]:_default' \
'*-e+[Set an environment variable in the devserver (repeatable)]:KEY=VALUE:_default' \
'*--env=[Set an environment variable in the devserver (repeatable)]:KEY=VALUE:_default' \
'--env-file=[Set the environment variables of a file of KEY=VALUE lines]:FILE:_files' \
'--cpu=[Request and limit this much CPU instead of the flavor'\''s, e.g. 4 or 1500m]:QUANTITY:_default' \
'--memory=[Request and limit this much memory instead of the flavor'\''s, e.g. 16Gi]:QUANTITY:_default' \
'--gpu=[Give the devserver GPUs instead of the flavor'\''s, e.g. 1 or nvidia.com/mig-1g.10gb=1]:[RESOURCE=]COUNT:_default' \
'*--port=[Declare another container port, e.g. 8888 for Jupyter (repeatable)]:PORT:_default' \
'--expose=[Publish SSH and every --port on a NodePort Service NAME-ssh\: nodeport, or nodeport\:PORT]:nodeport[:PORT]:_default' \
'--nodes=[Run the devserver on this many pods, NAME-0 to NAME-<N-1> (1 to 64)]:N:_default' \
'-f+[Read the devserver from a DevServer YAML file (flags override its fields)]:FILE:_files' \
'--filename=[Read the devserver from a DevServer YAML file (flags override its fields)]:FILE:_files' \
'--timeout=[Give up waiting after this long (exit 6)]:DURATION:_default' \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'--no-home[Make no persistent home, even when the flavor has a homeSize]' \
'--wait[Wait until the devserver is ready for SSH]' \
'--dry-run[Print the manifests and change nothing]' \
'--show-secrets[Show Secret values in the --dry-run output (the host private key, --env-file values)]' \
'--offline[Make no API call at all (with --dry-run and --flavor)]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'::name -- Name of the devserver (default\: <user>-dev):_default' \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
'-l+[Only devservers whose labels match, e.g. team=ml]:SELECTOR:_default' \
'--selector=[Only devservers whose labels match, e.g. team=ml]:SELECTOR:_default' \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'--all-users[Everyone'\''s devservers in the namespace]' \
'-A[Devservers in every namespace (implies --all-users)]' \
'--all-namespaces[Devservers in every namespace (implies --all-users)]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(describe)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Name of the devserver:_default' \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
'--timeout=[How long --wait waits]:DURATION:_default' \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'-y[Do not ask for confirmation (needed when not on a terminal)]' \
'--yes[Do not ask for confirmation (needed when not on a terminal)]' \
'--purge[Also delete the home volume and its data]' \
'--ignore-not-found[Succeed when a devserver does not exist]' \
'--wait[Wait until the devserver'\''s pod and StatefulSet are gone (so the name can be reused)]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Names of the devservers:_default' \
&& ret=0
;;
(stop)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Name of the devserver:_default' \
&& ret=0
;;
(start)
_arguments "${_arguments_options[@]}" : \
'--timeout=[How long --wait waits]:DURATION:_default' \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'--wait[Wait until the devserver is ready for SSH]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Name of the devserver:_default' \
&& ret=0
;;
(restart)
_arguments "${_arguments_options[@]}" : \
'--timeout=[How long --wait waits]:DURATION:_default' \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'--wait[Wait until the new pod is ready for SSH]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Name of the devserver:_default' \
&& ret=0
;;
(extend)
_arguments "${_arguments_options[@]}" : \
'--ttl=[How much longer, e.g. 4h (counted from the current expiry, or from now once expired)]:DURATION:_default' \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Name of the devserver:_default' \
&& ret=0
;;
(ssh)
_arguments "${_arguments_options[@]}" : \
'--via=[How to reach it\: port-forward (through the API server), nodeport, or direct (the pod'\''s address, from inside the cluster)]:TRANSPORT:(port-forward nodeport direct)' \
'*-i+[Private key to log in with (repeatable; default\: the keys create authorizes)]:FILE:_files' \
'*--identity=[Private key to log in with (repeatable; default\: the keys create authorizes)]:FILE:_files' \
'-l+[Log in as USER instead of dev]:USER:_default' \
'--user=[Log in as USER instead of dev]:USER:_default' \
'*-L+[Forward a local port to HOST\:HOSTPORT as seen from the devserver (repeatable)]:[BIND:]PORT:HOST:HOSTPORT:_default' \
'--timeout=[How long to wait for a devserver that is still starting]:DURATION:_default' \
'--node=[Reach pod I of a multi-node devserver (create --nodes), from 0]:I:_default' \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'-A[Forward your ssh-agent to the devserver (the ssh-forward-agent setting makes it the default)]' \
'--forward-agent[Forward your ssh-agent to the devserver (the ssh-forward-agent setting makes it the default)]' \
'(-A --forward-agent)-a[Do not forward your ssh-agent, whatever the setting says]' \
'(-A --forward-agent)--no-forward-agent[Do not forward your ssh-agent, whatever the setting says]' \
'(-T)-t[Ask for a terminal even with a command, as ssh -t]' \
'-T[Never ask for a terminal, as ssh -T]' \
'--start[Start the devserver if it is stopped (else a stopped one is an error)]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Name of the devserver:_default' \
'*::command -- The command to run instead of a shell:_default' \
&& ret=0
;;
(exec)
_arguments "${_arguments_options[@]}" : \
'--timeout=[How long to wait for a devserver that is still starting]:DURATION:_default' \
'--node=[Reach pod I of a multi-node devserver (create --nodes), from 0]:I:_default' \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'-i[Pass standard input to the command]' \
'--stdin[Pass standard input to the command]' \
'-t[Give the command a terminal (with -i\: the local terminal in raw mode)]' \
'--tty[Give the command a terminal (with -i\: the local terminal in raw mode)]' \
'--start[Start the devserver if it is stopped (else a stopped one is an error)]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Name of the devserver:_default' \
'*::command -- The command and its arguments (run as given, no shell):_default' \
&& ret=0
;;
(proxy)
_arguments "${_arguments_options[@]}" : \
'--via=[How to reach it\: port-forward, nodeport or direct (as for devctl ssh)]:TRANSPORT:(port-forward nodeport direct)' \
'--timeout=[How long to wait for a devserver that is still starting]:DURATION:_default' \
'--node=[Reach pod I of a multi-node devserver (create --nodes), from 0]:I:_default' \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'--start[Start the devserver if it is stopped (else a stopped one is an error)]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Name of the devserver:_default' \
&& ret=0
;;
(port-forward)
_arguments "${_arguments_options[@]}" : \
'*--address=[Local address to listen on\: an IP address or localhost (repeatable, or comma-separated)]:ADDRESS:_default' \
'--timeout=[How long to wait for a devserver that is still starting]:DURATION:_default' \
'--node=[Reach pod I of a multi-node devserver (create --nodes), from 0]:I:_default' \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'--start[Start the devserver if it is stopped (else a stopped one is an error)]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Name of the devserver:_default' \
'*::ports -- The ports to forward, as \[LOCAL\:\]REMOTE:_default' \
&& ret=0
;;
(cp)
_arguments "${_arguments_options[@]}" : \
'--via=[How to reach it\: port-forward (through the API server), nodeport, or direct (the pod'\''s address, from inside the cluster)]:TRANSPORT:(port-forward nodeport direct)' \
'*-i+[Private key to log in with (repeatable; default\: the keys create authorizes)]:FILE:_files' \
'*--identity=[Private key to log in with (repeatable; default\: the keys create authorizes)]:FILE:_files' \
'-l+[Log in as USER instead of dev]:USER:_default' \
'--user=[Log in as USER instead of dev]:USER:_default' \
'--timeout=[How long to wait for a devserver that is still starting]:DURATION:_default' \
'--node=[Reach pod I of a multi-node devserver (create --nodes), from 0]:I:_default' \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'--start[Start the devserver if it is stopped (else a stopped one is an error)]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':source -- What to copy\: a local path, or NAME\:PATH on a devserver:_default' \
':destination -- Where to copy it\: NAME\:PATH on a devserver, or a local path:_default' \
&& ret=0
;;
(logs)
_arguments "${_arguments_options[@]}" : \
'--since=[Only output of the last DURATION, e.g. 10m or 1h30m]:DURATION:_default' \
'--tail=[Only the last N lines (then, with -f, what follows)]:N:_default' \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'-f[Keep printing new output until the container ends (Ctrl-C stops it)]' \
'--follow[Keep printing new output until the container ends (Ctrl-C stops it)]' \
'--previous[Print the log of the container'\''s previous run (after a crash or restart)]' \
'--timestamps[Begin each line with the time the cluster received it (RFC 3339)]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Name of the devserver:_default' \
&& ret=0
;;
(events)
_arguments "${_arguments_options[@]}" : \
'--for=[Stop watching after this long, e.g. 10m (exit 0)]:DURATION:_default' \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'-w[Keep printing events as they happen (Ctrl-C stops it)]' \
'--watch[Keep printing events as they happen (Ctrl-C stops it)]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Name of the devserver:_default' \
&& ret=0
;;
(ssh-config)
_arguments "${_arguments_options[@]}" : \
'*-i+[Offer this private key (repeatable) instead of the default]:FILE:_files' \
'*--identity=[Offer this private key (repeatable) instead of the default]:FILE:_files' \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'(--diff)--write[Install the entries\: ~/.ssh/devctl/config, devctl'\''s known_hosts, an Include line]' \
'--diff[Show what --write would change, as a unified diff, and write nothing]' \
'-A[Your devservers in every namespace (needs the right to list StatefulSets cluster-wide)]' \
'--all-namespaces[Your devservers in every namespace (needs the right to list StatefulSets cluster-wide)]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(reap)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'-A[In every namespace]' \
'--all-namespaces[In every namespace]' \
'--dry-run[Say what would be deleted and delete nothing]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(flavors)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(status)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(version)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(config)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
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
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(path)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(set)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':key -- The setting\: namespace, context, flavor, image, ttl, ssh-key, ssh-transport or owner:_default' \
':value -- Its value, e.g. 2d for ttl, or port-forward, nodeport or direct for ssh-transport:_default' \
&& ret=0
;;
(unset)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':key -- The setting\: namespace, context, flavor, image, ttl, ssh-key, ssh-transport or owner:_default' \
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
(admin)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_devctl__subcmd__admin_commands" \
"*::: :->admin" \
&& ret=0

    case $state in
    (admin)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:devctl-admin-command-$line[1]:"
        case $line[1] in
            (install)
_arguments "${_arguments_options[@]}" : \
'--reaper-image=[Also install the reaper CronJob, running this image (devctl as its entrypoint, as the repository'\''s Dockerfile builds it)]:IMAGE:_default' \
'--reaper-schedule=[When the reaper runs, in cron syntax]:CRON:_default' \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'--dry-run[Print the objects that would be applied and change nothing]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(uninstall)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'--all[Also delete every devserver, home volume, user namespace and user binding devctl made]' \
'-y[Do not ask for confirmation]' \
'--yes[Do not ask for confirmation]' \
'--dry-run[Say what would be deleted and delete nothing]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(flavor)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_devctl__subcmd__admin__subcmd__flavor_commands" \
"*::: :->flavor" \
&& ret=0

    case $state in
    (flavor)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:devctl-admin-flavor-command-$line[1]:"
        case $line[1] in
            (set-default)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The flavor to make the default:_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_devctl__subcmd__admin__subcmd__flavor__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:devctl-admin-flavor-help-command-$line[1]:"
        case $line[1] in
            (set-default)
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
(user)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_devctl__subcmd__admin__subcmd__user_commands" \
"*::: :->user" \
&& ret=0

    case $state in
    (user)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:devctl-admin-user-command-$line[1]:"
        case $line[1] in
            (add)
_arguments "${_arguments_options[@]}" : \
'--quota-cpu=[At most this much CPU requested in the namespace, e.g. 16]:CPU:_default' \
'--quota-memory=[At most this much memory requested in the namespace, e.g. 64Gi]:QUANTITY:_default' \
'--quota-gpu=[At most this many GPUs (nvidia.com/gpu) requested in the namespace]:N:_default' \
'--quota-devservers=[At most this many devservers in the namespace]:N:_default' \
'--kubeconfig-out=[Write the user'\''s kubeconfig to this file (mode 0600)]:FILE:_files' \
'--token-ttl=[How long the kubeconfig'\''s token is valid, e.g. 30d]:DURATION:_default' \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'--overwrite[Replace the --kubeconfig-out file if it exists]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':user -- The user'\''s name, a DNS label:_default' \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(remove)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'-y[Do not ask for confirmation]' \
'--yes[Do not ask for confirmation]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':user -- The user'\''s name:_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_devctl__subcmd__admin__subcmd__user__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:devctl-admin-user-help-command-$line[1]:"
        case $line[1] in
            (add)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(remove)
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
(help)
_arguments "${_arguments_options[@]}" : \
":: :_devctl__subcmd__admin__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:devctl-admin-help-command-$line[1]:"
        case $line[1] in
            (install)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(uninstall)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(flavor)
_arguments "${_arguments_options[@]}" : \
":: :_devctl__subcmd__admin__subcmd__help__subcmd__flavor_commands" \
"*::: :->flavor" \
&& ret=0

    case $state in
    (flavor)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:devctl-admin-help-flavor-command-$line[1]:"
        case $line[1] in
            (set-default)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(user)
_arguments "${_arguments_options[@]}" : \
":: :_devctl__subcmd__admin__subcmd__help__subcmd__user_commands" \
"*::: :->user" \
&& ret=0

    case $state in
    (user)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:devctl-admin-help-user-command-$line[1]:"
        case $line[1] in
            (add)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(remove)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
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
(job)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_devctl__subcmd__job_commands" \
"*::: :->job" \
&& ret=0

    case $state in
    (job)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:devctl-job-command-$line[1]:"
        case $line[1] in
            (run)
_arguments "${_arguments_options[@]}" : \
'--image=[Run this container image]:IMAGE:_default' \
'--flavor=[Size the job by this flavor, e.g. cpu-medium (default\: the default flavor)]:FLAVOR:_default' \
'--owner=[Record this owner on the job (default\: as for devctl create)]:OWNER:_default' \
'--cpu=[Request and limit this much CPU instead of the flavor'\''s, e.g. 4 or 1500m]:QUANTITY:_default' \
'--memory=[Request and limit this much memory instead of the flavor'\''s, e.g. 16Gi]:QUANTITY:_default' \
'--gpu=[Give each pod GPUs instead of the flavor'\''s, e.g. 1 or nvidia.com/mig-1g.10gb=1]:[RESOURCE=]COUNT:_default' \
'*-e+[Set an environment variable in the job (repeatable)]:KEY=VALUE:_default' \
'*--env=[Set an environment variable in the job (repeatable)]:KEY=VALUE:_default' \
'--env-file=[Set the environment variables of a file of KEY=VALUE lines]:FILE:_files' \
'*--config-file=[Mount this file read-only at /devctl/config/KEY (repeatable)]:KEY=FILE:_default' \
'*--volume=[Mount a volume\: CLAIM\:/PATH\[\:ro\] (an existing claim) or SIZE\:/PATH\[\:rwo|rwx|rwop|rox\] (repeatable)]:CLAIM:/PATH[:ro] | SIZE:/PATH[:MODE]:_default' \
'--user=[Run the command as this user and group, e.g. 1000 or 1000\:1000]:UID[:GID]:_default' \
'--fs-group=[Give the volumes this group (the pod'\''s fsGroup), e.g. 1000]:GID:_default' \
'--ttl=[Delete the finished job, its pods and its results this long after it ends]:DURATION:_default' \
'--retries=[Run a failed pod again this many times before the job fails (not with --nodes\: a failing pod fails the whole gang)]:N:_default' \
'--nodes=[Run on this many pods at once (an Indexed Job with ranks 0..N-1)]:N:_default' \
'--procs-per-node=[Processes each pod runs (PET_NPROC_PER_NODE; WORLD_SIZE is nodes x this)]:P:_default' \
'--master-port=[The port rank 0 listens on (MASTER_PORT)]:PORT:_default' \
'--queue=[Queue the job in this Kueue LocalQueue\: it is made suspended for Kueue to admit]:NAME:_default' \
'--results=[Where the command writes the files it wants back]:DIR:_default' \
'--results-size=[Size of each pod'\''s results volume]:SIZE:_default' \
'--results-class=[StorageClass of the results claim (default\: the cluster'\''s default class)]:CLASS:_default' \
'--timeout=[Give up waiting after this long (exit 6; the job goes on)]:DURATION:_default' \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'(--results --results-size --results-class)--no-results[Keep no results\: no results claim is made, and \`job results\` has nothing to read]' \
'--wait[Wait for the job to finish and exit with the command'\''s exit code]' \
'--follow[Print the job'\''s output while waiting (implies --wait)]' \
'--dry-run[Print the manifests and change nothing]' \
'--show-secrets[Show Secret values in the --dry-run output]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'::name -- Name of the job (default\: <user>-job-<5 random letters and digits>):_default' \
'*::command -- The command and its arguments, after --:_default' \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
'-l+[Only jobs whose labels match, e.g. team=ml]:SELECTOR:_default' \
'--selector=[Only jobs whose labels match, e.g. team=ml]:SELECTOR:_default' \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'--all-users[Everyone'\''s jobs in the namespace]' \
'-A[Jobs in every namespace (implies --all-users)]' \
'--all-namespaces[Jobs in every namespace (implies --all-users)]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(describe)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Name of the job:_default' \
&& ret=0
;;
(logs)
_arguments "${_arguments_options[@]}" : \
'(--all)--index=[The output of this index'\''s pod]:I:_default' \
'--tail=[Only the last N lines of each pod (then, with -f, what follows)]:N:_default' \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'--all[The output of every index, each line prefixed with its index]' \
'-f[Keep printing new output until the pods end]' \
'--follow[Keep printing new output until the pods end]' \
'--timestamps[Begin each line with the time the cluster received it (RFC 3339)]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Name of the job:_default' \
&& ret=0
;;
(wait)
_arguments "${_arguments_options[@]}" : \
'--timeout=[Give up after this long (exit 6)]:DURATION:_default' \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Name of the job:_default' \
&& ret=0
;;
(results)
_arguments "${_arguments_options[@]}" : \
'--index=[Only this index'\''s results]:I:_default' \
'--timeout=[Give up after this long (exit 6)]:DURATION:_default' \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'--list[List the result files (path, size, SHA-256) and copy nothing]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- Name of the job:_default' \
'::destination -- Where to put them (default\: the current directory):_files' \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'-y[Do not ask for confirmation (needed when not on a terminal)]' \
'--yes[Do not ask for confirmation (needed when not on a terminal)]' \
'--keep-results[Keep the results volumes]' \
'--ignore-not-found[Succeed when a job does not exist]' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Names of the jobs:_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_devctl__subcmd__job__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:devctl-job-help-command-$line[1]:"
        case $line[1] in
            (run)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(describe)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(logs)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(wait)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(results)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
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
'--kubeconfig=[Use this kubeconfig file]:FILE:_files' \
'--context=[Use this kubeconfig context]:NAME:_default' \
'-n+[Work in this namespace]:NS:_default' \
'--namespace=[Work in this namespace]:NS:_default' \
'-o+[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--output=[Print data in this format]:OUTPUT:((table\:"Plain columns, like kubectl"
wide\:"Plain columns with more of them"
json\:"JSON, stable schema"
yaml\:"YAML, the same schema as JSON"
name\:"Names only, one per line"))' \
'--request-timeout=[Give up on a request that takes longer than this, e.g. 30s]:DURATION:_default' \
'*-v[Show more detail on stderr (repeatable)]' \
'*--verbose[Show more detail on stderr (repeatable)]' \
'-q[Print only data and errors]' \
'--quiet[Print only data and errors]' \
'--no-color[Never colour the output]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':shell -- The shell to complete for:(bash elvish fish powershell zsh)' \
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
            (create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(describe)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(stop)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(start)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(restart)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(extend)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(ssh)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(exec)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(proxy)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(port-forward)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(cp)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(logs)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(events)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(ssh-config)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(reap)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(flavors)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
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
(admin)
_arguments "${_arguments_options[@]}" : \
":: :_devctl__subcmd__help__subcmd__admin_commands" \
"*::: :->admin" \
&& ret=0

    case $state in
    (admin)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:devctl-help-admin-command-$line[1]:"
        case $line[1] in
            (install)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(uninstall)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(flavor)
_arguments "${_arguments_options[@]}" : \
":: :_devctl__subcmd__help__subcmd__admin__subcmd__flavor_commands" \
"*::: :->flavor" \
&& ret=0

    case $state in
    (flavor)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:devctl-help-admin-flavor-command-$line[1]:"
        case $line[1] in
            (set-default)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(user)
_arguments "${_arguments_options[@]}" : \
":: :_devctl__subcmd__help__subcmd__admin__subcmd__user_commands" \
"*::: :->user" \
&& ret=0

    case $state in
    (user)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:devctl-help-admin-user-command-$line[1]:"
        case $line[1] in
            (add)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(remove)
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
(job)
_arguments "${_arguments_options[@]}" : \
":: :_devctl__subcmd__help__subcmd__job_commands" \
"*::: :->job" \
&& ret=0

    case $state in
    (job)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:devctl-help-job-command-$line[1]:"
        case $line[1] in
            (run)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(describe)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(logs)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(wait)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(results)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
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
'create:Create a devserver' \
'list:List your devservers' \
'describe:Show a devserver in detail\: its state, pod, volumes, SSH endpoints and events' \
'delete:Delete devservers' \
'stop:Stop a devserver (scale it to 0; the home volume stays)' \
'start:Start a stopped devserver (scale it back to 1)' \
'restart:Restart a devserver (a new pod replaces its pod; the home volume stays)' \
'extend:Push a devserver'\''s expiry out' \
'ssh:Open a shell on a devserver, or run a command there, over SSH' \
'exec:Run a command in a devserver'\''s container through the Kubernetes exec API' \
'proxy:Connect standard input and output to a devserver'\''s SSH port, for ssh'\''s ProxyCommand' \
'port-forward:Forward local ports to ports of a devserver, e.g. for Jupyter or TensorBoard' \
'cp:Copy files and directories to or from a devserver, over SFTP' \
'logs:Print the log of a devserver'\''s container' \
'events:Show the events of a devserver\: why its pod waits, fails or restarts' \
'ssh-config:Print ssh_config entries that reach your devservers, or install them with --write' \
'reap:Delete expired devservers (their home volumes are kept)' \
'flavors:List the flavors devservers can be made with, and whether each fits on a node now' \
'status:Show the cluster, who you are there, and whether you may do what devctl needs' \
'version:Print devctl'\''s version, and the API server'\''s when it answers' \
'config:Show or change devctl'\''s settings' \
'admin:Set up and look after devctl in a cluster (for cluster admins)' \
'job:Run batch and distributed jobs and get their result files back' \
'completions:Print a shell completion script' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'devctl commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin_commands] )) ||
_devctl__subcmd__admin_commands() {
    local commands; commands=(
'install:Install or update devctl'\''s cluster objects (idempotent)' \
'uninstall:Remove what devctl admin install made' \
'flavor:Change the cluster'\''s DevServerFlavors' \
'user:Onboard, list and remove devserver users' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'devctl admin commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__flavor_commands] )) ||
_devctl__subcmd__admin__subcmd__flavor_commands() {
    local commands; commands=(
'set-default:Make one flavor the default, and no other' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'devctl admin flavor commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__flavor__subcmd__help_commands] )) ||
_devctl__subcmd__admin__subcmd__flavor__subcmd__help_commands() {
    local commands; commands=(
'set-default:Make one flavor the default, and no other' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'devctl admin flavor help commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__flavor__subcmd__help__subcmd__help_commands] )) ||
_devctl__subcmd__admin__subcmd__flavor__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'devctl admin flavor help help commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__flavor__subcmd__help__subcmd__set-default_commands] )) ||
_devctl__subcmd__admin__subcmd__flavor__subcmd__help__subcmd__set-default_commands() {
    local commands; commands=()
    _describe -t commands 'devctl admin flavor help set-default commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__flavor__subcmd__set-default_commands] )) ||
_devctl__subcmd__admin__subcmd__flavor__subcmd__set-default_commands() {
    local commands; commands=()
    _describe -t commands 'devctl admin flavor set-default commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__help_commands] )) ||
_devctl__subcmd__admin__subcmd__help_commands() {
    local commands; commands=(
'install:Install or update devctl'\''s cluster objects (idempotent)' \
'uninstall:Remove what devctl admin install made' \
'flavor:Change the cluster'\''s DevServerFlavors' \
'user:Onboard, list and remove devserver users' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'devctl admin help commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__help__subcmd__flavor_commands] )) ||
_devctl__subcmd__admin__subcmd__help__subcmd__flavor_commands() {
    local commands; commands=(
'set-default:Make one flavor the default, and no other' \
    )
    _describe -t commands 'devctl admin help flavor commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__help__subcmd__flavor__subcmd__set-default_commands] )) ||
_devctl__subcmd__admin__subcmd__help__subcmd__flavor__subcmd__set-default_commands() {
    local commands; commands=()
    _describe -t commands 'devctl admin help flavor set-default commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__help__subcmd__help_commands] )) ||
_devctl__subcmd__admin__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'devctl admin help help commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__help__subcmd__install_commands] )) ||
_devctl__subcmd__admin__subcmd__help__subcmd__install_commands() {
    local commands; commands=()
    _describe -t commands 'devctl admin help install commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__help__subcmd__uninstall_commands] )) ||
_devctl__subcmd__admin__subcmd__help__subcmd__uninstall_commands() {
    local commands; commands=()
    _describe -t commands 'devctl admin help uninstall commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__help__subcmd__user_commands] )) ||
_devctl__subcmd__admin__subcmd__help__subcmd__user_commands() {
    local commands; commands=(
'add:Give a user a namespace dev-USER, a ServiceAccount, a quota and a kubeconfig' \
'list:List the users devctl onboarded, with their quota use and devservers' \
'remove:Remove a user\: the namespace dev-USER with its devservers and volumes' \
    )
    _describe -t commands 'devctl admin help user commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__help__subcmd__user__subcmd__add_commands] )) ||
_devctl__subcmd__admin__subcmd__help__subcmd__user__subcmd__add_commands() {
    local commands; commands=()
    _describe -t commands 'devctl admin help user add commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__help__subcmd__user__subcmd__list_commands] )) ||
_devctl__subcmd__admin__subcmd__help__subcmd__user__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'devctl admin help user list commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__help__subcmd__user__subcmd__remove_commands] )) ||
_devctl__subcmd__admin__subcmd__help__subcmd__user__subcmd__remove_commands() {
    local commands; commands=()
    _describe -t commands 'devctl admin help user remove commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__install_commands] )) ||
_devctl__subcmd__admin__subcmd__install_commands() {
    local commands; commands=()
    _describe -t commands 'devctl admin install commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__uninstall_commands] )) ||
_devctl__subcmd__admin__subcmd__uninstall_commands() {
    local commands; commands=()
    _describe -t commands 'devctl admin uninstall commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__user_commands] )) ||
_devctl__subcmd__admin__subcmd__user_commands() {
    local commands; commands=(
'add:Give a user a namespace dev-USER, a ServiceAccount, a quota and a kubeconfig' \
'list:List the users devctl onboarded, with their quota use and devservers' \
'remove:Remove a user\: the namespace dev-USER with its devservers and volumes' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'devctl admin user commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__user__subcmd__add_commands] )) ||
_devctl__subcmd__admin__subcmd__user__subcmd__add_commands() {
    local commands; commands=()
    _describe -t commands 'devctl admin user add commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__user__subcmd__help_commands] )) ||
_devctl__subcmd__admin__subcmd__user__subcmd__help_commands() {
    local commands; commands=(
'add:Give a user a namespace dev-USER, a ServiceAccount, a quota and a kubeconfig' \
'list:List the users devctl onboarded, with their quota use and devservers' \
'remove:Remove a user\: the namespace dev-USER with its devservers and volumes' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'devctl admin user help commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__user__subcmd__help__subcmd__add_commands] )) ||
_devctl__subcmd__admin__subcmd__user__subcmd__help__subcmd__add_commands() {
    local commands; commands=()
    _describe -t commands 'devctl admin user help add commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__user__subcmd__help__subcmd__help_commands] )) ||
_devctl__subcmd__admin__subcmd__user__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'devctl admin user help help commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__user__subcmd__help__subcmd__list_commands] )) ||
_devctl__subcmd__admin__subcmd__user__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'devctl admin user help list commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__user__subcmd__help__subcmd__remove_commands] )) ||
_devctl__subcmd__admin__subcmd__user__subcmd__help__subcmd__remove_commands() {
    local commands; commands=()
    _describe -t commands 'devctl admin user help remove commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__user__subcmd__list_commands] )) ||
_devctl__subcmd__admin__subcmd__user__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'devctl admin user list commands' commands "$@"
}
(( $+functions[_devctl__subcmd__admin__subcmd__user__subcmd__remove_commands] )) ||
_devctl__subcmd__admin__subcmd__user__subcmd__remove_commands() {
    local commands; commands=()
    _describe -t commands 'devctl admin user remove commands' commands "$@"
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
(( $+functions[_devctl__subcmd__cp_commands] )) ||
_devctl__subcmd__cp_commands() {
    local commands; commands=()
    _describe -t commands 'devctl cp commands' commands "$@"
}
(( $+functions[_devctl__subcmd__create_commands] )) ||
_devctl__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'devctl create commands' commands "$@"
}
(( $+functions[_devctl__subcmd__delete_commands] )) ||
_devctl__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'devctl delete commands' commands "$@"
}
(( $+functions[_devctl__subcmd__describe_commands] )) ||
_devctl__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'devctl describe commands' commands "$@"
}
(( $+functions[_devctl__subcmd__events_commands] )) ||
_devctl__subcmd__events_commands() {
    local commands; commands=()
    _describe -t commands 'devctl events commands' commands "$@"
}
(( $+functions[_devctl__subcmd__exec_commands] )) ||
_devctl__subcmd__exec_commands() {
    local commands; commands=()
    _describe -t commands 'devctl exec commands' commands "$@"
}
(( $+functions[_devctl__subcmd__extend_commands] )) ||
_devctl__subcmd__extend_commands() {
    local commands; commands=()
    _describe -t commands 'devctl extend commands' commands "$@"
}
(( $+functions[_devctl__subcmd__flavors_commands] )) ||
_devctl__subcmd__flavors_commands() {
    local commands; commands=()
    _describe -t commands 'devctl flavors commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help_commands] )) ||
_devctl__subcmd__help_commands() {
    local commands; commands=(
'create:Create a devserver' \
'list:List your devservers' \
'describe:Show a devserver in detail\: its state, pod, volumes, SSH endpoints and events' \
'delete:Delete devservers' \
'stop:Stop a devserver (scale it to 0; the home volume stays)' \
'start:Start a stopped devserver (scale it back to 1)' \
'restart:Restart a devserver (a new pod replaces its pod; the home volume stays)' \
'extend:Push a devserver'\''s expiry out' \
'ssh:Open a shell on a devserver, or run a command there, over SSH' \
'exec:Run a command in a devserver'\''s container through the Kubernetes exec API' \
'proxy:Connect standard input and output to a devserver'\''s SSH port, for ssh'\''s ProxyCommand' \
'port-forward:Forward local ports to ports of a devserver, e.g. for Jupyter or TensorBoard' \
'cp:Copy files and directories to or from a devserver, over SFTP' \
'logs:Print the log of a devserver'\''s container' \
'events:Show the events of a devserver\: why its pod waits, fails or restarts' \
'ssh-config:Print ssh_config entries that reach your devservers, or install them with --write' \
'reap:Delete expired devservers (their home volumes are kept)' \
'flavors:List the flavors devservers can be made with, and whether each fits on a node now' \
'status:Show the cluster, who you are there, and whether you may do what devctl needs' \
'version:Print devctl'\''s version, and the API server'\''s when it answers' \
'config:Show or change devctl'\''s settings' \
'admin:Set up and look after devctl in a cluster (for cluster admins)' \
'job:Run batch and distributed jobs and get their result files back' \
'completions:Print a shell completion script' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'devctl help commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__admin_commands] )) ||
_devctl__subcmd__help__subcmd__admin_commands() {
    local commands; commands=(
'install:Install or update devctl'\''s cluster objects (idempotent)' \
'uninstall:Remove what devctl admin install made' \
'flavor:Change the cluster'\''s DevServerFlavors' \
'user:Onboard, list and remove devserver users' \
    )
    _describe -t commands 'devctl help admin commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__admin__subcmd__flavor_commands] )) ||
_devctl__subcmd__help__subcmd__admin__subcmd__flavor_commands() {
    local commands; commands=(
'set-default:Make one flavor the default, and no other' \
    )
    _describe -t commands 'devctl help admin flavor commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__admin__subcmd__flavor__subcmd__set-default_commands] )) ||
_devctl__subcmd__help__subcmd__admin__subcmd__flavor__subcmd__set-default_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help admin flavor set-default commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__admin__subcmd__install_commands] )) ||
_devctl__subcmd__help__subcmd__admin__subcmd__install_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help admin install commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__admin__subcmd__uninstall_commands] )) ||
_devctl__subcmd__help__subcmd__admin__subcmd__uninstall_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help admin uninstall commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__admin__subcmd__user_commands] )) ||
_devctl__subcmd__help__subcmd__admin__subcmd__user_commands() {
    local commands; commands=(
'add:Give a user a namespace dev-USER, a ServiceAccount, a quota and a kubeconfig' \
'list:List the users devctl onboarded, with their quota use and devservers' \
'remove:Remove a user\: the namespace dev-USER with its devservers and volumes' \
    )
    _describe -t commands 'devctl help admin user commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__admin__subcmd__user__subcmd__add_commands] )) ||
_devctl__subcmd__help__subcmd__admin__subcmd__user__subcmd__add_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help admin user add commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__admin__subcmd__user__subcmd__list_commands] )) ||
_devctl__subcmd__help__subcmd__admin__subcmd__user__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help admin user list commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__admin__subcmd__user__subcmd__remove_commands] )) ||
_devctl__subcmd__help__subcmd__admin__subcmd__user__subcmd__remove_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help admin user remove commands' commands "$@"
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
(( $+functions[_devctl__subcmd__help__subcmd__cp_commands] )) ||
_devctl__subcmd__help__subcmd__cp_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help cp commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__create_commands] )) ||
_devctl__subcmd__help__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help create commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__delete_commands] )) ||
_devctl__subcmd__help__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help delete commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__describe_commands] )) ||
_devctl__subcmd__help__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help describe commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__events_commands] )) ||
_devctl__subcmd__help__subcmd__events_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help events commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__exec_commands] )) ||
_devctl__subcmd__help__subcmd__exec_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help exec commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__extend_commands] )) ||
_devctl__subcmd__help__subcmd__extend_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help extend commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__flavors_commands] )) ||
_devctl__subcmd__help__subcmd__flavors_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help flavors commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__help_commands] )) ||
_devctl__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help help commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__job_commands] )) ||
_devctl__subcmd__help__subcmd__job_commands() {
    local commands; commands=(
'run:Run a command as a job\: devctl job run \[NAME\] --image IMG -- CMD \[ARGS...\]' \
'list:List your jobs\: NAME, STATUS, NODES, AGE, DURATION, EXIT' \
'describe:Show a job in detail\: its spec, its pods per index with their exit codes, its results and events' \
'logs:Print a job'\''s output' \
'wait:Wait for a job to finish and exit with its command'\''s exit code' \
'results:Copy a job'\''s result files to this machine, each checked with SHA-256' \
'delete:Delete jobs\: the Job, its pods, Secret, ConfigMap, Service and claims' \
    )
    _describe -t commands 'devctl help job commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__job__subcmd__delete_commands] )) ||
_devctl__subcmd__help__subcmd__job__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help job delete commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__job__subcmd__describe_commands] )) ||
_devctl__subcmd__help__subcmd__job__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help job describe commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__job__subcmd__list_commands] )) ||
_devctl__subcmd__help__subcmd__job__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help job list commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__job__subcmd__logs_commands] )) ||
_devctl__subcmd__help__subcmd__job__subcmd__logs_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help job logs commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__job__subcmd__results_commands] )) ||
_devctl__subcmd__help__subcmd__job__subcmd__results_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help job results commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__job__subcmd__run_commands] )) ||
_devctl__subcmd__help__subcmd__job__subcmd__run_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help job run commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__job__subcmd__wait_commands] )) ||
_devctl__subcmd__help__subcmd__job__subcmd__wait_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help job wait commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__list_commands] )) ||
_devctl__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help list commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__logs_commands] )) ||
_devctl__subcmd__help__subcmd__logs_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help logs commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__port-forward_commands] )) ||
_devctl__subcmd__help__subcmd__port-forward_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help port-forward commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__proxy_commands] )) ||
_devctl__subcmd__help__subcmd__proxy_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help proxy commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__reap_commands] )) ||
_devctl__subcmd__help__subcmd__reap_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help reap commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__restart_commands] )) ||
_devctl__subcmd__help__subcmd__restart_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help restart commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__ssh_commands] )) ||
_devctl__subcmd__help__subcmd__ssh_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help ssh commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__ssh-config_commands] )) ||
_devctl__subcmd__help__subcmd__ssh-config_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help ssh-config commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__start_commands] )) ||
_devctl__subcmd__help__subcmd__start_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help start commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__status_commands] )) ||
_devctl__subcmd__help__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help status commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__stop_commands] )) ||
_devctl__subcmd__help__subcmd__stop_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help stop commands' commands "$@"
}
(( $+functions[_devctl__subcmd__help__subcmd__version_commands] )) ||
_devctl__subcmd__help__subcmd__version_commands() {
    local commands; commands=()
    _describe -t commands 'devctl help version commands' commands "$@"
}
(( $+functions[_devctl__subcmd__job_commands] )) ||
_devctl__subcmd__job_commands() {
    local commands; commands=(
'run:Run a command as a job\: devctl job run \[NAME\] --image IMG -- CMD \[ARGS...\]' \
'list:List your jobs\: NAME, STATUS, NODES, AGE, DURATION, EXIT' \
'describe:Show a job in detail\: its spec, its pods per index with their exit codes, its results and events' \
'logs:Print a job'\''s output' \
'wait:Wait for a job to finish and exit with its command'\''s exit code' \
'results:Copy a job'\''s result files to this machine, each checked with SHA-256' \
'delete:Delete jobs\: the Job, its pods, Secret, ConfigMap, Service and claims' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'devctl job commands' commands "$@"
}
(( $+functions[_devctl__subcmd__job__subcmd__delete_commands] )) ||
_devctl__subcmd__job__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'devctl job delete commands' commands "$@"
}
(( $+functions[_devctl__subcmd__job__subcmd__describe_commands] )) ||
_devctl__subcmd__job__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'devctl job describe commands' commands "$@"
}
(( $+functions[_devctl__subcmd__job__subcmd__help_commands] )) ||
_devctl__subcmd__job__subcmd__help_commands() {
    local commands; commands=(
'run:Run a command as a job\: devctl job run \[NAME\] --image IMG -- CMD \[ARGS...\]' \
'list:List your jobs\: NAME, STATUS, NODES, AGE, DURATION, EXIT' \
'describe:Show a job in detail\: its spec, its pods per index with their exit codes, its results and events' \
'logs:Print a job'\''s output' \
'wait:Wait for a job to finish and exit with its command'\''s exit code' \
'results:Copy a job'\''s result files to this machine, each checked with SHA-256' \
'delete:Delete jobs\: the Job, its pods, Secret, ConfigMap, Service and claims' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'devctl job help commands' commands "$@"
}
(( $+functions[_devctl__subcmd__job__subcmd__help__subcmd__delete_commands] )) ||
_devctl__subcmd__job__subcmd__help__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'devctl job help delete commands' commands "$@"
}
(( $+functions[_devctl__subcmd__job__subcmd__help__subcmd__describe_commands] )) ||
_devctl__subcmd__job__subcmd__help__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'devctl job help describe commands' commands "$@"
}
(( $+functions[_devctl__subcmd__job__subcmd__help__subcmd__help_commands] )) ||
_devctl__subcmd__job__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'devctl job help help commands' commands "$@"
}
(( $+functions[_devctl__subcmd__job__subcmd__help__subcmd__list_commands] )) ||
_devctl__subcmd__job__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'devctl job help list commands' commands "$@"
}
(( $+functions[_devctl__subcmd__job__subcmd__help__subcmd__logs_commands] )) ||
_devctl__subcmd__job__subcmd__help__subcmd__logs_commands() {
    local commands; commands=()
    _describe -t commands 'devctl job help logs commands' commands "$@"
}
(( $+functions[_devctl__subcmd__job__subcmd__help__subcmd__results_commands] )) ||
_devctl__subcmd__job__subcmd__help__subcmd__results_commands() {
    local commands; commands=()
    _describe -t commands 'devctl job help results commands' commands "$@"
}
(( $+functions[_devctl__subcmd__job__subcmd__help__subcmd__run_commands] )) ||
_devctl__subcmd__job__subcmd__help__subcmd__run_commands() {
    local commands; commands=()
    _describe -t commands 'devctl job help run commands' commands "$@"
}
(( $+functions[_devctl__subcmd__job__subcmd__help__subcmd__wait_commands] )) ||
_devctl__subcmd__job__subcmd__help__subcmd__wait_commands() {
    local commands; commands=()
    _describe -t commands 'devctl job help wait commands' commands "$@"
}
(( $+functions[_devctl__subcmd__job__subcmd__list_commands] )) ||
_devctl__subcmd__job__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'devctl job list commands' commands "$@"
}
(( $+functions[_devctl__subcmd__job__subcmd__logs_commands] )) ||
_devctl__subcmd__job__subcmd__logs_commands() {
    local commands; commands=()
    _describe -t commands 'devctl job logs commands' commands "$@"
}
(( $+functions[_devctl__subcmd__job__subcmd__results_commands] )) ||
_devctl__subcmd__job__subcmd__results_commands() {
    local commands; commands=()
    _describe -t commands 'devctl job results commands' commands "$@"
}
(( $+functions[_devctl__subcmd__job__subcmd__run_commands] )) ||
_devctl__subcmd__job__subcmd__run_commands() {
    local commands; commands=()
    _describe -t commands 'devctl job run commands' commands "$@"
}
(( $+functions[_devctl__subcmd__job__subcmd__wait_commands] )) ||
_devctl__subcmd__job__subcmd__wait_commands() {
    local commands; commands=()
    _describe -t commands 'devctl job wait commands' commands "$@"
}
(( $+functions[_devctl__subcmd__list_commands] )) ||
_devctl__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'devctl list commands' commands "$@"
}
(( $+functions[_devctl__subcmd__logs_commands] )) ||
_devctl__subcmd__logs_commands() {
    local commands; commands=()
    _describe -t commands 'devctl logs commands' commands "$@"
}
(( $+functions[_devctl__subcmd__port-forward_commands] )) ||
_devctl__subcmd__port-forward_commands() {
    local commands; commands=()
    _describe -t commands 'devctl port-forward commands' commands "$@"
}
(( $+functions[_devctl__subcmd__proxy_commands] )) ||
_devctl__subcmd__proxy_commands() {
    local commands; commands=()
    _describe -t commands 'devctl proxy commands' commands "$@"
}
(( $+functions[_devctl__subcmd__reap_commands] )) ||
_devctl__subcmd__reap_commands() {
    local commands; commands=()
    _describe -t commands 'devctl reap commands' commands "$@"
}
(( $+functions[_devctl__subcmd__restart_commands] )) ||
_devctl__subcmd__restart_commands() {
    local commands; commands=()
    _describe -t commands 'devctl restart commands' commands "$@"
}
(( $+functions[_devctl__subcmd__ssh_commands] )) ||
_devctl__subcmd__ssh_commands() {
    local commands; commands=()
    _describe -t commands 'devctl ssh commands' commands "$@"
}
(( $+functions[_devctl__subcmd__ssh-config_commands] )) ||
_devctl__subcmd__ssh-config_commands() {
    local commands; commands=()
    _describe -t commands 'devctl ssh-config commands' commands "$@"
}
(( $+functions[_devctl__subcmd__start_commands] )) ||
_devctl__subcmd__start_commands() {
    local commands; commands=()
    _describe -t commands 'devctl start commands' commands "$@"
}
(( $+functions[_devctl__subcmd__status_commands] )) ||
_devctl__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'devctl status commands' commands "$@"
}
(( $+functions[_devctl__subcmd__stop_commands] )) ||
_devctl__subcmd__stop_commands() {
    local commands; commands=()
    _describe -t commands 'devctl stop commands' commands "$@"
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
