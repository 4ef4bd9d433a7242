
use builtin;
use str;

set edit:completion:arg-completer[devctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'devctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'devctl'= {
            cand --kubeconfig 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)'
            cand --context 'Kubeconfig context to use [env: DEVCTL_CONTEXT]'
            cand -n 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand --namespace 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client''s own)'
            cand -v 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand --verbose 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also NO_COLOR)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a devserver'
            cand list 'List your devservers'
            cand describe 'Show a devserver in detail: its state, pod, volumes, SSH endpoints and events'
            cand delete 'Delete devservers'
            cand stop 'Stop a devserver (scale it to 0; the home volume stays)'
            cand start 'Start a stopped devserver (scale it back to 1)'
            cand restart 'Restart a devserver (a new pod replaces its pod; the home volume stays)'
            cand extend 'Push a devserver''s expiry out'
            cand reap 'Delete expired devservers (their home volumes are kept)'
            cand status 'Show the cluster, who you are, and whether you may do what devctl needs'
            cand version 'Print the client version, and the server''s when it is reachable'
            cand config 'Show or change devctl''s settings'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'devctl;create'= {
            cand --flavor 'Flavor (size) of the devserver [env: DEVCTL_FLAVOR]'
            cand --image 'Container image (default: the flavor''s, else ubuntu:22.04) [env: DEVCTL_IMAGE]'
            cand --ssh-key 'Public key to authorize (repeatable; default ~/.ssh/id_ed25519.pub, id_ecdsa.pub, id_rsa.pub, else a key pair devctl makes)'
            cand --ttl 'Time to live, e.g. 8h or 2d [env: DEVCTL_TTL]'
            cand --home 'A persistent home of this size, e.g. 20Gi, kept when the devserver is deleted'
            cand --volume 'Mount an existing claim: CLAIM:/path[:ro] (repeatable)'
            cand -e 'Environment variable for the devserver: KEY=VALUE (repeatable)'
            cand --env 'Environment variable for the devserver: KEY=VALUE (repeatable)'
            cand --env-file 'File of KEY=VALUE lines (# comments and blank lines allowed)'
            cand --cpu 'CPU request and limit, overriding the flavor, e.g. 4 or 1500m'
            cand --memory 'Memory request and limit, overriding the flavor, e.g. 16Gi'
            cand --gpu 'GPUs: a count of nvidia.com/gpu, or RESOURCE=COUNT (e.g. nvidia.com/mig-1g.10gb=1)'
            cand --port 'Extra container port to declare, e.g. 8888 for Jupyter (repeatable)'
            cand --expose-ssh 'Expose SSH on a NodePort: nodeport or nodeport:PORT'
            cand -f 'Read the devserver from a DevServer YAML file (flags override its fields)'
            cand --filename 'Read the devserver from a DevServer YAML file (flags override its fields)'
            cand --timeout 'How long --wait waits'
            cand --kubeconfig 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)'
            cand --context 'Kubeconfig context to use [env: DEVCTL_CONTEXT]'
            cand -n 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand --namespace 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client''s own)'
            cand --wait 'Wait until the devserver is ready for SSH'
            cand --dry-run 'Print the manifests (-o yaml or json) and change nothing'
            cand --offline 'With --dry-run and --flavor: make no API call at all (built-in flavors only)'
            cand -v 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand --verbose 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also NO_COLOR)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;list'= {
            cand -l 'Only devservers whose labels match, e.g. team=ml'
            cand --selector 'Only devservers whose labels match, e.g. team=ml'
            cand --kubeconfig 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)'
            cand --context 'Kubeconfig context to use [env: DEVCTL_CONTEXT]'
            cand -n 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand --namespace 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client''s own)'
            cand --all-users 'Everyone''s devservers in the namespace'
            cand -A 'Devservers in every namespace (implies --all-users)'
            cand --all-namespaces 'Devservers in every namespace (implies --all-users)'
            cand -v 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand --verbose 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also NO_COLOR)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;describe'= {
            cand --kubeconfig 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)'
            cand --context 'Kubeconfig context to use [env: DEVCTL_CONTEXT]'
            cand -n 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand --namespace 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client''s own)'
            cand -v 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand --verbose 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also NO_COLOR)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;delete'= {
            cand --timeout 'How long --wait waits'
            cand --kubeconfig 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)'
            cand --context 'Kubeconfig context to use [env: DEVCTL_CONTEXT]'
            cand -n 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand --namespace 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client''s own)'
            cand -y 'Do not ask for confirmation (needed when not on a terminal)'
            cand --yes 'Do not ask for confirmation (needed when not on a terminal)'
            cand --purge 'Also delete the home volume and its data'
            cand --ignore-not-found 'Succeed when a devserver does not exist'
            cand --wait 'Wait until the devserver''s pod and StatefulSet are gone (so the name can be reused)'
            cand -v 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand --verbose 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also NO_COLOR)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;stop'= {
            cand --kubeconfig 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)'
            cand --context 'Kubeconfig context to use [env: DEVCTL_CONTEXT]'
            cand -n 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand --namespace 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client''s own)'
            cand -v 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand --verbose 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also NO_COLOR)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;start'= {
            cand --timeout 'How long --wait waits'
            cand --kubeconfig 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)'
            cand --context 'Kubeconfig context to use [env: DEVCTL_CONTEXT]'
            cand -n 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand --namespace 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client''s own)'
            cand --wait 'Wait until the devserver is ready for SSH'
            cand -v 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand --verbose 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also NO_COLOR)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;restart'= {
            cand --timeout 'How long --wait waits'
            cand --kubeconfig 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)'
            cand --context 'Kubeconfig context to use [env: DEVCTL_CONTEXT]'
            cand -n 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand --namespace 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client''s own)'
            cand --wait 'Wait until the new pod is ready for SSH'
            cand -v 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand --verbose 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also NO_COLOR)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;extend'= {
            cand --ttl 'How much longer, e.g. 4h (counted from the current expiry, or from now once expired)'
            cand --kubeconfig 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)'
            cand --context 'Kubeconfig context to use [env: DEVCTL_CONTEXT]'
            cand -n 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand --namespace 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client''s own)'
            cand -v 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand --verbose 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also NO_COLOR)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;reap'= {
            cand --kubeconfig 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)'
            cand --context 'Kubeconfig context to use [env: DEVCTL_CONTEXT]'
            cand -n 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand --namespace 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client''s own)'
            cand -A 'In every namespace'
            cand --all-namespaces 'In every namespace'
            cand --dry-run 'Say what would be deleted and delete nothing'
            cand -v 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand --verbose 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also NO_COLOR)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;status'= {
            cand --kubeconfig 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)'
            cand --context 'Kubeconfig context to use [env: DEVCTL_CONTEXT]'
            cand -n 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand --namespace 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client''s own)'
            cand -v 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand --verbose 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also NO_COLOR)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;version'= {
            cand --kubeconfig 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)'
            cand --context 'Kubeconfig context to use [env: DEVCTL_CONTEXT]'
            cand -n 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand --namespace 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client''s own)'
            cand -v 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand --verbose 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also NO_COLOR)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;config'= {
            cand --kubeconfig 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)'
            cand --context 'Kubeconfig context to use [env: DEVCTL_CONTEXT]'
            cand -n 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand --namespace 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client''s own)'
            cand -v 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand --verbose 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also NO_COLOR)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand view 'Show every setting, its value and where the value comes from'
            cand path 'Print the path of the config file'
            cand set 'Set a setting in the config file'
            cand unset 'Remove a setting from the config file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'devctl;config;view'= {
            cand --kubeconfig 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)'
            cand --context 'Kubeconfig context to use [env: DEVCTL_CONTEXT]'
            cand -n 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand --namespace 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client''s own)'
            cand -v 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand --verbose 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also NO_COLOR)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;config;path'= {
            cand --kubeconfig 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)'
            cand --context 'Kubeconfig context to use [env: DEVCTL_CONTEXT]'
            cand -n 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand --namespace 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client''s own)'
            cand -v 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand --verbose 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also NO_COLOR)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;config;set'= {
            cand --kubeconfig 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)'
            cand --context 'Kubeconfig context to use [env: DEVCTL_CONTEXT]'
            cand -n 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand --namespace 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client''s own)'
            cand -v 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand --verbose 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also NO_COLOR)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;config;unset'= {
            cand --kubeconfig 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)'
            cand --context 'Kubeconfig context to use [env: DEVCTL_CONTEXT]'
            cand -n 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand --namespace 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client''s own)'
            cand -v 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand --verbose 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also NO_COLOR)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;config;help'= {
            cand view 'Show every setting, its value and where the value comes from'
            cand path 'Print the path of the config file'
            cand set 'Set a setting in the config file'
            cand unset 'Remove a setting from the config file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'devctl;config;help;view'= {
        }
        &'devctl;config;help;path'= {
        }
        &'devctl;config;help;set'= {
        }
        &'devctl;config;help;unset'= {
        }
        &'devctl;config;help;help'= {
        }
        &'devctl;completions'= {
            cand --kubeconfig 'Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)'
            cand --context 'Kubeconfig context to use [env: DEVCTL_CONTEXT]'
            cand -n 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand --namespace 'Namespace (else DEVCTL_NAMESPACE, the config file, the context''s, then default)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond the client''s own)'
            cand -v 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand --verbose 'Show more detail: -v the cause chain and each HTTP request, -vv their headers'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output (also NO_COLOR)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;help'= {
            cand create 'Create a devserver'
            cand list 'List your devservers'
            cand describe 'Show a devserver in detail: its state, pod, volumes, SSH endpoints and events'
            cand delete 'Delete devservers'
            cand stop 'Stop a devserver (scale it to 0; the home volume stays)'
            cand start 'Start a stopped devserver (scale it back to 1)'
            cand restart 'Restart a devserver (a new pod replaces its pod; the home volume stays)'
            cand extend 'Push a devserver''s expiry out'
            cand reap 'Delete expired devservers (their home volumes are kept)'
            cand status 'Show the cluster, who you are, and whether you may do what devctl needs'
            cand version 'Print the client version, and the server''s when it is reachable'
            cand config 'Show or change devctl''s settings'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'devctl;help;create'= {
        }
        &'devctl;help;list'= {
        }
        &'devctl;help;describe'= {
        }
        &'devctl;help;delete'= {
        }
        &'devctl;help;stop'= {
        }
        &'devctl;help;start'= {
        }
        &'devctl;help;restart'= {
        }
        &'devctl;help;extend'= {
        }
        &'devctl;help;reap'= {
        }
        &'devctl;help;status'= {
        }
        &'devctl;help;version'= {
        }
        &'devctl;help;config'= {
            cand view 'Show every setting, its value and where the value comes from'
            cand path 'Print the path of the config file'
            cand set 'Set a setting in the config file'
            cand unset 'Remove a setting from the config file'
        }
        &'devctl;help;config;view'= {
        }
        &'devctl;help;config;path'= {
        }
        &'devctl;help;config;set'= {
        }
        &'devctl;help;config;unset'= {
        }
        &'devctl;help;completions'= {
        }
        &'devctl;help;help'= {
        }
    ]
    $completions[$command]
}
