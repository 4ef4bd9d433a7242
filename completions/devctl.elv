
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
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
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
            cand ssh 'Open a shell on a devserver, or run a command there, over SSH'
            cand exec 'Run a command in a devserver''s container through the Kubernetes exec API'
            cand proxy 'Connect standard input and output to a devserver''s SSH port, for ssh''s ProxyCommand'
            cand port-forward 'Forward local ports to ports of a devserver, e.g. for Jupyter or TensorBoard'
            cand cp 'Copy files and directories to or from a devserver, over SFTP'
            cand logs 'Print the log of a devserver''s container'
            cand events 'Show the events of a devserver: why its pod waits, fails or restarts'
            cand ssh-config 'Print ssh_config entries that reach your devservers, or install them with --write'
            cand reap 'Delete expired devservers (their home volumes are kept)'
            cand flavors 'List the flavors devservers can be made with, and whether each fits on a node now'
            cand status 'Show the cluster, who you are there, and whether you may do what devctl needs'
            cand version 'Print devctl''s version, and the API server''s when it answers'
            cand config 'Show or change devctl''s settings'
            cand admin 'Set up and look after devctl in a cluster (for cluster admins)'
            cand job 'Run batch and distributed jobs and get their result files back'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'devctl;create'= {
            cand --flavor 'Size the devserver by this flavor, e.g. cpu-medium'
            cand --owner 'Record this owner on the devserver'
            cand --image 'Run this container image'
            cand --ssh-key 'Authorize the public key in this file (repeatable)'
            cand --ttl 'Let the devserver expire after this long, e.g. 8h, 90m, 1h30m or 2d'
            cand --home 'Give the devserver a persistent home of this size, e.g. 20Gi'
            cand --volume 'Mount an existing PersistentVolumeClaim at a path, read-only with :ro (repeatable)'
            cand -e 'Set an environment variable in the devserver (repeatable)'
            cand --env 'Set an environment variable in the devserver (repeatable)'
            cand --env-file 'Set the environment variables of a file of KEY=VALUE lines'
            cand --cpu 'Request and limit this much CPU instead of the flavor''s, e.g. 4 or 1500m'
            cand --memory 'Request and limit this much memory instead of the flavor''s, e.g. 16Gi'
            cand --gpu 'Give the devserver GPUs instead of the flavor''s, e.g. 1 or nvidia.com/mig-1g.10gb=1'
            cand --port 'Declare another container port, e.g. 8888 for Jupyter (repeatable)'
            cand --expose 'Publish SSH and every --port on a NodePort Service NAME-ssh: nodeport, or nodeport:PORT'
            cand --nodes 'Run the devserver on this many pods, NAME-0 to NAME-<N-1> (1 to 64)'
            cand -f 'Read the devserver from a DevServer YAML file (flags override its fields)'
            cand --filename 'Read the devserver from a DevServer YAML file (flags override its fields)'
            cand --timeout 'Give up waiting after this long (exit 6)'
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand --no-home 'Make no persistent home, even when the flavor has a homeSize'
            cand --wait 'Wait until the devserver is ready for SSH'
            cand --dry-run 'Print the manifests and change nothing'
            cand --show-secrets 'Show Secret values in the --dry-run output (the host private key, --env-file values)'
            cand --offline 'Make no API call at all (with --dry-run and --flavor)'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;list'= {
            cand -l 'Only devservers whose labels match, e.g. team=ml'
            cand --selector 'Only devservers whose labels match, e.g. team=ml'
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand --all-users 'Everyone''s devservers in the namespace'
            cand -A 'Devservers in every namespace (implies --all-users)'
            cand --all-namespaces 'Devservers in every namespace (implies --all-users)'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;describe'= {
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;delete'= {
            cand --timeout 'How long --wait waits'
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -y 'Do not ask for confirmation (needed when not on a terminal)'
            cand --yes 'Do not ask for confirmation (needed when not on a terminal)'
            cand --purge 'Also delete the home volume and its data'
            cand --ignore-not-found 'Succeed when a devserver does not exist'
            cand --wait 'Wait until the devserver''s pod and StatefulSet are gone (so the name can be reused)'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;stop'= {
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;start'= {
            cand --timeout 'How long --wait waits'
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand --wait 'Wait until the devserver is ready for SSH'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;restart'= {
            cand --timeout 'How long --wait waits'
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand --wait 'Wait until the new pod is ready for SSH'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;extend'= {
            cand --ttl 'How much longer, e.g. 4h (counted from the current expiry, or from now once expired)'
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;ssh'= {
            cand --via 'How to reach it: port-forward (through the API server), nodeport, or direct (the pod''s address, from inside the cluster)'
            cand -i 'Private key to log in with (repeatable; default: the keys create authorizes)'
            cand --identity 'Private key to log in with (repeatable; default: the keys create authorizes)'
            cand -l 'Log in as USER instead of dev'
            cand --user 'Log in as USER instead of dev'
            cand -L 'Forward a local port to HOST:HOSTPORT as seen from the devserver (repeatable)'
            cand --timeout 'How long to wait for a devserver that is still starting'
            cand --node 'Reach pod I of a multi-node devserver (create --nodes), from 0'
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -A 'Forward your ssh-agent to the devserver (the ssh-forward-agent setting makes it the default)'
            cand --forward-agent 'Forward your ssh-agent to the devserver (the ssh-forward-agent setting makes it the default)'
            cand -a 'Do not forward your ssh-agent, whatever the setting says'
            cand --no-forward-agent 'Do not forward your ssh-agent, whatever the setting says'
            cand -t 'Ask for a terminal even with a command, as ssh -t'
            cand -T 'Never ask for a terminal, as ssh -T'
            cand --start 'Start the devserver if it is stopped (else a stopped one is an error)'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;exec'= {
            cand --timeout 'How long to wait for a devserver that is still starting'
            cand --node 'Reach pod I of a multi-node devserver (create --nodes), from 0'
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -i 'Pass standard input to the command'
            cand --stdin 'Pass standard input to the command'
            cand -t 'Give the command a terminal (with -i: the local terminal in raw mode)'
            cand --tty 'Give the command a terminal (with -i: the local terminal in raw mode)'
            cand --start 'Start the devserver if it is stopped (else a stopped one is an error)'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;proxy'= {
            cand --via 'How to reach it: port-forward, nodeport or direct (as for devctl ssh)'
            cand --timeout 'How long to wait for a devserver that is still starting'
            cand --node 'Reach pod I of a multi-node devserver (create --nodes), from 0'
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand --start 'Start the devserver if it is stopped (else a stopped one is an error)'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;port-forward'= {
            cand --address 'Local address to listen on: an IP address or localhost (repeatable, or comma-separated)'
            cand --timeout 'How long to wait for a devserver that is still starting'
            cand --node 'Reach pod I of a multi-node devserver (create --nodes), from 0'
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand --start 'Start the devserver if it is stopped (else a stopped one is an error)'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;cp'= {
            cand --via 'How to reach it: port-forward (through the API server), nodeport, or direct (the pod''s address, from inside the cluster)'
            cand -i 'Private key to log in with (repeatable; default: the keys create authorizes)'
            cand --identity 'Private key to log in with (repeatable; default: the keys create authorizes)'
            cand -l 'Log in as USER instead of dev'
            cand --user 'Log in as USER instead of dev'
            cand --timeout 'How long to wait for a devserver that is still starting'
            cand --node 'Reach pod I of a multi-node devserver (create --nodes), from 0'
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand --start 'Start the devserver if it is stopped (else a stopped one is an error)'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;logs'= {
            cand --since 'Only output of the last DURATION, e.g. 10m or 1h30m'
            cand --tail 'Only the last N lines (then, with -f, what follows)'
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -f 'Keep printing new output until the container ends (Ctrl-C stops it)'
            cand --follow 'Keep printing new output until the container ends (Ctrl-C stops it)'
            cand --previous 'Print the log of the container''s previous run (after a crash or restart)'
            cand --timestamps 'Begin each line with the time the cluster received it (RFC 3339)'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;events'= {
            cand --for 'Stop watching after this long, e.g. 10m (exit 0)'
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -w 'Keep printing events as they happen (Ctrl-C stops it)'
            cand --watch 'Keep printing events as they happen (Ctrl-C stops it)'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;ssh-config'= {
            cand -i 'Offer this private key (repeatable) instead of the default'
            cand --identity 'Offer this private key (repeatable) instead of the default'
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand --write 'Install the entries: ~/.ssh/devctl/config, devctl''s known_hosts, an Include line'
            cand --diff 'Show what --write would change, as a unified diff, and write nothing'
            cand -A 'Your devservers in every namespace (needs the right to list StatefulSets cluster-wide)'
            cand --all-namespaces 'Your devservers in every namespace (needs the right to list StatefulSets cluster-wide)'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;reap'= {
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -A 'In every namespace'
            cand --all-namespaces 'In every namespace'
            cand --dry-run 'Say what would be deleted and delete nothing'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;flavors'= {
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;status'= {
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;version'= {
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;config'= {
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
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
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;config;path'= {
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;config;set'= {
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;config;unset'= {
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
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
        &'devctl;admin'= {
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand install 'Install or update devctl''s cluster objects (idempotent)'
            cand uninstall 'Remove what devctl admin install made'
            cand flavor 'Change the cluster''s DevServerFlavors'
            cand user 'Onboard, list and remove devserver users'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'devctl;admin;install'= {
            cand --reaper-image 'Also install the reaper CronJob, running this image (devctl as its entrypoint, as the repository''s Dockerfile builds it)'
            cand --reaper-schedule 'When the reaper runs, in cron syntax'
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand --dry-run 'Print the objects that would be applied and change nothing'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;admin;uninstall'= {
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand --all 'Also delete every devserver, home volume, user namespace and user binding devctl made'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --dry-run 'Say what would be deleted and delete nothing'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;admin;flavor'= {
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand set-default 'Make one flavor the default, and no other'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'devctl;admin;flavor;set-default'= {
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;admin;flavor;help'= {
            cand set-default 'Make one flavor the default, and no other'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'devctl;admin;flavor;help;set-default'= {
        }
        &'devctl;admin;flavor;help;help'= {
        }
        &'devctl;admin;user'= {
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Give a user a namespace dev-USER, a ServiceAccount, a quota and a kubeconfig'
            cand list 'List the users devctl onboarded, with their quota use and devservers'
            cand remove 'Remove a user: the namespace dev-USER with its devservers and volumes'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'devctl;admin;user;add'= {
            cand --quota-cpu 'At most this much CPU requested in the namespace, e.g. 16'
            cand --quota-memory 'At most this much memory requested in the namespace, e.g. 64Gi'
            cand --quota-gpu 'At most this many GPUs (nvidia.com/gpu) requested in the namespace'
            cand --quota-devservers 'At most this many devservers in the namespace'
            cand --kubeconfig-out 'Write the user''s kubeconfig to this file (mode 0600)'
            cand --token-ttl 'How long the kubeconfig''s token is valid, e.g. 30d'
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand --overwrite 'Replace the --kubeconfig-out file if it exists'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;admin;user;list'= {
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;admin;user;remove'= {
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;admin;user;help'= {
            cand add 'Give a user a namespace dev-USER, a ServiceAccount, a quota and a kubeconfig'
            cand list 'List the users devctl onboarded, with their quota use and devservers'
            cand remove 'Remove a user: the namespace dev-USER with its devservers and volumes'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'devctl;admin;user;help;add'= {
        }
        &'devctl;admin;user;help;list'= {
        }
        &'devctl;admin;user;help;remove'= {
        }
        &'devctl;admin;user;help;help'= {
        }
        &'devctl;admin;help'= {
            cand install 'Install or update devctl''s cluster objects (idempotent)'
            cand uninstall 'Remove what devctl admin install made'
            cand flavor 'Change the cluster''s DevServerFlavors'
            cand user 'Onboard, list and remove devserver users'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'devctl;admin;help;install'= {
        }
        &'devctl;admin;help;uninstall'= {
        }
        &'devctl;admin;help;flavor'= {
            cand set-default 'Make one flavor the default, and no other'
        }
        &'devctl;admin;help;flavor;set-default'= {
        }
        &'devctl;admin;help;user'= {
            cand add 'Give a user a namespace dev-USER, a ServiceAccount, a quota and a kubeconfig'
            cand list 'List the users devctl onboarded, with their quota use and devservers'
            cand remove 'Remove a user: the namespace dev-USER with its devservers and volumes'
        }
        &'devctl;admin;help;user;add'= {
        }
        &'devctl;admin;help;user;list'= {
        }
        &'devctl;admin;help;user;remove'= {
        }
        &'devctl;admin;help;help'= {
        }
        &'devctl;job'= {
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand run 'Run a command as a job: devctl job run [NAME] --image IMG -- CMD [ARGS...]'
            cand list 'List your jobs: NAME, STATUS, NODES, AGE, DURATION, EXIT'
            cand describe 'Show a job in detail: its spec, its pods per index with their exit codes, its results and events'
            cand logs 'Print a job''s output'
            cand wait 'Wait for a job to finish and exit with its command''s exit code'
            cand results 'Copy a job''s result files to this machine, each checked with SHA-256'
            cand delete 'Delete jobs: the Job, its pods, Secret, ConfigMap, Service and claims'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'devctl;job;run'= {
            cand --image 'Run this container image'
            cand --flavor 'Size the job by this flavor, e.g. cpu-medium (default: the default flavor)'
            cand --owner 'Record this owner on the job (default: as for devctl create)'
            cand --cpu 'Request and limit this much CPU instead of the flavor''s, e.g. 4 or 1500m'
            cand --memory 'Request and limit this much memory instead of the flavor''s, e.g. 16Gi'
            cand --gpu 'Give each pod GPUs instead of the flavor''s, e.g. 1 or nvidia.com/mig-1g.10gb=1'
            cand -e 'Set an environment variable in the job (repeatable)'
            cand --env 'Set an environment variable in the job (repeatable)'
            cand --env-file 'Set the environment variables of a file of KEY=VALUE lines'
            cand --config-file 'Mount this file read-only at /devctl/config/KEY (repeatable)'
            cand --volume 'Mount a volume: CLAIM:/PATH[:ro] (an existing claim) or SIZE:/PATH[:rwo|rwx|rwop|rox] (repeatable)'
            cand --user 'Run the command as this user and group, e.g. 1000 or 1000:1000'
            cand --fs-group 'Give the volumes this group (the pod''s fsGroup), e.g. 1000'
            cand --ttl 'Delete the finished job, its pods and its results this long after it ends'
            cand --retries 'Run a failed pod again this many times before the job fails (not with --nodes: a failing pod fails the whole gang)'
            cand --nodes 'Run on this many pods at once (an Indexed Job with ranks 0..N-1)'
            cand --procs-per-node 'Processes each pod runs (PET_NPROC_PER_NODE; WORLD_SIZE is nodes x this)'
            cand --master-port 'The port rank 0 listens on (MASTER_PORT)'
            cand --queue 'Queue the job in this Kueue LocalQueue: it is made suspended for Kueue to admit'
            cand --results 'Where the command writes the files it wants back'
            cand --results-size 'Size of each pod''s results volume'
            cand --results-class 'StorageClass of the results claim (default: the cluster''s default class)'
            cand --timeout 'Give up waiting after this long (exit 6; the job goes on)'
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand --no-results 'Keep no results: no results claim is made, and `job results` has nothing to read'
            cand --wait 'Wait for the job to finish and exit with the command''s exit code'
            cand --follow 'Print the job''s output while waiting (implies --wait)'
            cand --dry-run 'Print the manifests and change nothing'
            cand --show-secrets 'Show Secret values in the --dry-run output'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;job;list'= {
            cand -l 'Only jobs whose labels match, e.g. team=ml'
            cand --selector 'Only jobs whose labels match, e.g. team=ml'
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand --all-users 'Everyone''s jobs in the namespace'
            cand -A 'Jobs in every namespace (implies --all-users)'
            cand --all-namespaces 'Jobs in every namespace (implies --all-users)'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;job;describe'= {
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;job;logs'= {
            cand --index 'The output of this index''s pod'
            cand --tail 'Only the last N lines of each pod (then, with -f, what follows)'
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand --all 'The output of every index, each line prefixed with its index'
            cand -f 'Keep printing new output until the pods end'
            cand --follow 'Keep printing new output until the pods end'
            cand --timestamps 'Begin each line with the time the cluster received it (RFC 3339)'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;job;wait'= {
            cand --timeout 'Give up after this long (exit 6)'
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;job;results'= {
            cand --index 'Only this index''s results'
            cand --timeout 'Give up after this long (exit 6)'
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand --list 'List the result files (path, size, SHA-256) and copy nothing'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;job;delete'= {
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -y 'Do not ask for confirmation (needed when not on a terminal)'
            cand --yes 'Do not ask for confirmation (needed when not on a terminal)'
            cand --keep-results 'Keep the results volumes'
            cand --ignore-not-found 'Succeed when a job does not exist'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'devctl;job;help'= {
            cand run 'Run a command as a job: devctl job run [NAME] --image IMG -- CMD [ARGS...]'
            cand list 'List your jobs: NAME, STATUS, NODES, AGE, DURATION, EXIT'
            cand describe 'Show a job in detail: its spec, its pods per index with their exit codes, its results and events'
            cand logs 'Print a job''s output'
            cand wait 'Wait for a job to finish and exit with its command''s exit code'
            cand results 'Copy a job''s result files to this machine, each checked with SHA-256'
            cand delete 'Delete jobs: the Job, its pods, Secret, ConfigMap, Service and claims'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'devctl;job;help;run'= {
        }
        &'devctl;job;help;list'= {
        }
        &'devctl;job;help;describe'= {
        }
        &'devctl;job;help;logs'= {
        }
        &'devctl;job;help;wait'= {
        }
        &'devctl;job;help;results'= {
        }
        &'devctl;job;help;delete'= {
        }
        &'devctl;job;help;help'= {
        }
        &'devctl;completions'= {
            cand --kubeconfig 'Use this kubeconfig file'
            cand --context 'Use this kubeconfig context'
            cand -n 'Work in this namespace'
            cand --namespace 'Work in this namespace'
            cand -o 'Print data in this format'
            cand --output 'Print data in this format'
            cand --request-timeout 'Give up on a request that takes longer than this, e.g. 30s'
            cand -v 'Show more detail on stderr (repeatable)'
            cand --verbose 'Show more detail on stderr (repeatable)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --no-color 'Never colour the output'
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
            cand ssh 'Open a shell on a devserver, or run a command there, over SSH'
            cand exec 'Run a command in a devserver''s container through the Kubernetes exec API'
            cand proxy 'Connect standard input and output to a devserver''s SSH port, for ssh''s ProxyCommand'
            cand port-forward 'Forward local ports to ports of a devserver, e.g. for Jupyter or TensorBoard'
            cand cp 'Copy files and directories to or from a devserver, over SFTP'
            cand logs 'Print the log of a devserver''s container'
            cand events 'Show the events of a devserver: why its pod waits, fails or restarts'
            cand ssh-config 'Print ssh_config entries that reach your devservers, or install them with --write'
            cand reap 'Delete expired devservers (their home volumes are kept)'
            cand flavors 'List the flavors devservers can be made with, and whether each fits on a node now'
            cand status 'Show the cluster, who you are there, and whether you may do what devctl needs'
            cand version 'Print devctl''s version, and the API server''s when it answers'
            cand config 'Show or change devctl''s settings'
            cand admin 'Set up and look after devctl in a cluster (for cluster admins)'
            cand job 'Run batch and distributed jobs and get their result files back'
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
        &'devctl;help;ssh'= {
        }
        &'devctl;help;exec'= {
        }
        &'devctl;help;proxy'= {
        }
        &'devctl;help;port-forward'= {
        }
        &'devctl;help;cp'= {
        }
        &'devctl;help;logs'= {
        }
        &'devctl;help;events'= {
        }
        &'devctl;help;ssh-config'= {
        }
        &'devctl;help;reap'= {
        }
        &'devctl;help;flavors'= {
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
        &'devctl;help;admin'= {
            cand install 'Install or update devctl''s cluster objects (idempotent)'
            cand uninstall 'Remove what devctl admin install made'
            cand flavor 'Change the cluster''s DevServerFlavors'
            cand user 'Onboard, list and remove devserver users'
        }
        &'devctl;help;admin;install'= {
        }
        &'devctl;help;admin;uninstall'= {
        }
        &'devctl;help;admin;flavor'= {
            cand set-default 'Make one flavor the default, and no other'
        }
        &'devctl;help;admin;flavor;set-default'= {
        }
        &'devctl;help;admin;user'= {
            cand add 'Give a user a namespace dev-USER, a ServiceAccount, a quota and a kubeconfig'
            cand list 'List the users devctl onboarded, with their quota use and devservers'
            cand remove 'Remove a user: the namespace dev-USER with its devservers and volumes'
        }
        &'devctl;help;admin;user;add'= {
        }
        &'devctl;help;admin;user;list'= {
        }
        &'devctl;help;admin;user;remove'= {
        }
        &'devctl;help;job'= {
            cand run 'Run a command as a job: devctl job run [NAME] --image IMG -- CMD [ARGS...]'
            cand list 'List your jobs: NAME, STATUS, NODES, AGE, DURATION, EXIT'
            cand describe 'Show a job in detail: its spec, its pods per index with their exit codes, its results and events'
            cand logs 'Print a job''s output'
            cand wait 'Wait for a job to finish and exit with its command''s exit code'
            cand results 'Copy a job''s result files to this machine, each checked with SHA-256'
            cand delete 'Delete jobs: the Job, its pods, Secret, ConfigMap, Service and claims'
        }
        &'devctl;help;job;run'= {
        }
        &'devctl;help;job;list'= {
        }
        &'devctl;help;job;describe'= {
        }
        &'devctl;help;job;logs'= {
        }
        &'devctl;help;job;wait'= {
        }
        &'devctl;help;job;results'= {
        }
        &'devctl;help;job;delete'= {
        }
        &'devctl;help;completions'= {
        }
        &'devctl;help;help'= {
        }
    ]
    $completions[$command]
}
