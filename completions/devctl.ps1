
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'devctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'devctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'devctl' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a devserver')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List your devservers')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a devserver in detail: its state, pod, volumes, SSH endpoints and events')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete devservers')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a devserver (scale it to 0; the home volume stays)')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a stopped devserver (scale it back to 1)')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Restart a devserver (a new pod replaces its pod; the home volume stays)')
            [CompletionResult]::new('extend', 'extend', [CompletionResultType]::ParameterValue, 'Push a devserver''s expiry out')
            [CompletionResult]::new('ssh', 'ssh', [CompletionResultType]::ParameterValue, 'Open a shell on a devserver, or run a command there, over SSH')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a command in a devserver''s container through the Kubernetes exec API')
            [CompletionResult]::new('proxy', 'proxy', [CompletionResultType]::ParameterValue, 'Connect standard input and output to a devserver''s SSH port, for ssh''s ProxyCommand')
            [CompletionResult]::new('port-forward', 'port-forward', [CompletionResultType]::ParameterValue, 'Forward local ports to ports of a devserver, e.g. for Jupyter or TensorBoard')
            [CompletionResult]::new('cp', 'cp', [CompletionResultType]::ParameterValue, 'Copy files and directories to or from a devserver, over SFTP')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Print the log of a devserver''s container')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'Show the events of a devserver: why its pod waits, fails or restarts')
            [CompletionResult]::new('ssh-config', 'ssh-config', [CompletionResultType]::ParameterValue, 'Print ssh_config entries that reach your devservers, or install them with --write')
            [CompletionResult]::new('reap', 'reap', [CompletionResultType]::ParameterValue, 'Delete expired devservers (their home volumes are kept)')
            [CompletionResult]::new('flavors', 'flavors', [CompletionResultType]::ParameterValue, 'List the flavors devservers can be made with, and whether each fits on a node now')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the cluster, who you are there, and whether you may do what devctl needs')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print devctl''s version, and the API server''s when it answers')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or change devctl''s settings')
            [CompletionResult]::new('admin', 'admin', [CompletionResultType]::ParameterValue, 'Set up and look after devctl in a cluster (for cluster admins)')
            [CompletionResult]::new('job', 'job', [CompletionResultType]::ParameterValue, 'Run batch and distributed jobs and get their result files back')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'devctl;create' {
            [CompletionResult]::new('--flavor', '--flavor', [CompletionResultType]::ParameterName, 'Size the devserver by this flavor, e.g. cpu-medium')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Record this owner on the devserver')
            [CompletionResult]::new('--image', '--image', [CompletionResultType]::ParameterName, 'Run this container image')
            [CompletionResult]::new('--ssh-key', '--ssh-key', [CompletionResultType]::ParameterName, 'Authorize the public key in this file (repeatable)')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'Let the devserver expire after this long, e.g. 8h, 90m, 1h30m or 2d')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Give the devserver a persistent home of this size, e.g. 20Gi')
            [CompletionResult]::new('--volume', '--volume', [CompletionResultType]::ParameterName, 'Mount an existing PersistentVolumeClaim at a path, read-only with :ro (repeatable)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Set an environment variable in the devserver (repeatable)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Set an environment variable in the devserver (repeatable)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Set the environment variables of a file of KEY=VALUE lines')
            [CompletionResult]::new('--cpu', '--cpu', [CompletionResultType]::ParameterName, 'Request and limit this much CPU instead of the flavor''s, e.g. 4 or 1500m')
            [CompletionResult]::new('--memory', '--memory', [CompletionResultType]::ParameterName, 'Request and limit this much memory instead of the flavor''s, e.g. 16Gi')
            [CompletionResult]::new('--gpu', '--gpu', [CompletionResultType]::ParameterName, 'Give the devserver GPUs instead of the flavor''s, e.g. 1 or nvidia.com/mig-1g.10gb=1')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Declare another container port, e.g. 8888 for Jupyter (repeatable)')
            [CompletionResult]::new('--expose', '--expose', [CompletionResultType]::ParameterName, 'Publish SSH and every --port on a NodePort Service NAME-ssh: nodeport, or nodeport:PORT')
            [CompletionResult]::new('--nodes', '--nodes', [CompletionResultType]::ParameterName, 'Run the devserver on this many pods, NAME-0 to NAME-<N-1> (1 to 64)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read the devserver from a DevServer YAML file (flags override its fields)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'Read the devserver from a DevServer YAML file (flags override its fields)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long (exit 6)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('--no-home', '--no-home', [CompletionResultType]::ParameterName, 'Make no persistent home, even when the flavor has a homeSize')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the devserver is ready for SSH')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the manifests and change nothing')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show Secret values in the --dry-run output (the host private key, --env-file values)')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Make no API call at all (with --dry-run and --flavor)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;list' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Only devservers whose labels match, e.g. team=ml')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Only devservers whose labels match, e.g. team=ml')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('--all-users', '--all-users', [CompletionResultType]::ParameterName, 'Everyone''s devservers in the namespace')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'Devservers in every namespace (implies --all-users)')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'Devservers in every namespace (implies --all-users)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;describe' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;delete' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long --wait waits')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when not on a terminal)')
            [CompletionResult]::new('--purge', '--purge', [CompletionResultType]::ParameterName, 'Also delete the home volume and its data')
            [CompletionResult]::new('--ignore-not-found', '--ignore-not-found', [CompletionResultType]::ParameterName, 'Succeed when a devserver does not exist')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the devserver''s pod and StatefulSet are gone (so the name can be reused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;stop' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;start' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long --wait waits')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the devserver is ready for SSH')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;restart' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long --wait waits')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the new pod is ready for SSH')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;extend' {
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'How much longer, e.g. 4h (counted from the current expiry, or from now once expired)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;ssh' {
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'How to reach it: port-forward (through the API server), nodeport, or direct (the pod''s address, from inside the cluster)')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Private key to log in with (repeatable; default: the keys create authorizes)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Private key to log in with (repeatable; default: the keys create authorizes)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Log in as USER instead of dev')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Log in as USER instead of dev')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Forward a local port to HOST:HOSTPORT as seen from the devserver (repeatable)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for a devserver that is still starting')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Reach pod I of a multi-node devserver (create --nodes), from 0')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'Forward your ssh-agent to the devserver (the ssh-forward-agent setting makes it the default)')
            [CompletionResult]::new('--forward-agent', '--forward-agent', [CompletionResultType]::ParameterName, 'Forward your ssh-agent to the devserver (the ssh-forward-agent setting makes it the default)')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Do not forward your ssh-agent, whatever the setting says')
            [CompletionResult]::new('--no-forward-agent', '--no-forward-agent', [CompletionResultType]::ParameterName, 'Do not forward your ssh-agent, whatever the setting says')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Ask for a terminal even with a command, as ssh -t')
            [CompletionResult]::new('-T', '-T ', [CompletionResultType]::ParameterName, 'Never ask for a terminal, as ssh -T')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'Start the devserver if it is stopped (else a stopped one is an error)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;exec' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for a devserver that is still starting')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Reach pod I of a multi-node devserver (create --nodes), from 0')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Pass standard input to the command')
            [CompletionResult]::new('--stdin', '--stdin', [CompletionResultType]::ParameterName, 'Pass standard input to the command')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Give the command a terminal (with -i: the local terminal in raw mode)')
            [CompletionResult]::new('--tty', '--tty', [CompletionResultType]::ParameterName, 'Give the command a terminal (with -i: the local terminal in raw mode)')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'Start the devserver if it is stopped (else a stopped one is an error)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;proxy' {
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'How to reach it: port-forward, nodeport or direct (as for devctl ssh)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for a devserver that is still starting')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Reach pod I of a multi-node devserver (create --nodes), from 0')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'Start the devserver if it is stopped (else a stopped one is an error)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;port-forward' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Local address to listen on: an IP address or localhost (repeatable, or comma-separated)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for a devserver that is still starting')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Reach pod I of a multi-node devserver (create --nodes), from 0')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'Start the devserver if it is stopped (else a stopped one is an error)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;cp' {
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'How to reach it: port-forward (through the API server), nodeport, or direct (the pod''s address, from inside the cluster)')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Private key to log in with (repeatable; default: the keys create authorizes)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Private key to log in with (repeatable; default: the keys create authorizes)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Log in as USER instead of dev')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Log in as USER instead of dev')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for a devserver that is still starting')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Reach pod I of a multi-node devserver (create --nodes), from 0')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'Start the devserver if it is stopped (else a stopped one is an error)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;logs' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only output of the last DURATION, e.g. 10m or 1h30m')
            [CompletionResult]::new('--tail', '--tail', [CompletionResultType]::ParameterName, 'Only the last N lines (then, with -f, what follows)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing new output until the container ends (Ctrl-C stops it)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing new output until the container ends (Ctrl-C stops it)')
            [CompletionResult]::new('--previous', '--previous', [CompletionResultType]::ParameterName, 'Print the log of the container''s previous run (after a crash or restart)')
            [CompletionResult]::new('--timestamps', '--timestamps', [CompletionResultType]::ParameterName, 'Begin each line with the time the cluster received it (RFC 3339)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;events' {
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Stop watching after this long, e.g. 10m (exit 0)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Keep printing events as they happen (Ctrl-C stops it)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Keep printing events as they happen (Ctrl-C stops it)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;ssh-config' {
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Offer this private key (repeatable) instead of the default')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Offer this private key (repeatable) instead of the default')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('--write', '--write', [CompletionResultType]::ParameterName, 'Install the entries: ~/.ssh/devctl/config, devctl''s known_hosts, an Include line')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'Show what --write would change, as a unified diff, and write nothing')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'Your devservers in every namespace (needs the right to list StatefulSets cluster-wide)')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'Your devservers in every namespace (needs the right to list StatefulSets cluster-wide)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;reap' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'In every namespace')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'In every namespace')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say what would be deleted and delete nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;flavors' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;status' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;version' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;config' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show every setting, its value and where the value comes from')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the config file')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a setting in the config file')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove a setting from the config file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'devctl;config;view' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;config;path' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;config;set' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;config;unset' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;config;help' {
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show every setting, its value and where the value comes from')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the config file')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a setting in the config file')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove a setting from the config file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'devctl;config;help;view' {
            break
        }
        'devctl;config;help;path' {
            break
        }
        'devctl;config;help;set' {
            break
        }
        'devctl;config;help;unset' {
            break
        }
        'devctl;config;help;help' {
            break
        }
        'devctl;admin' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install or update devctl''s cluster objects (idempotent)')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove what devctl admin install made')
            [CompletionResult]::new('flavor', 'flavor', [CompletionResultType]::ParameterValue, 'Change the cluster''s DevServerFlavors')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Onboard, list and remove devserver users')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'devctl;admin;install' {
            [CompletionResult]::new('--reaper-image', '--reaper-image', [CompletionResultType]::ParameterName, 'Also install the reaper CronJob, running this image (devctl as its entrypoint, as the repository''s Dockerfile builds it)')
            [CompletionResult]::new('--reaper-schedule', '--reaper-schedule', [CompletionResultType]::ParameterName, 'When the reaper runs, in cron syntax')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the objects that would be applied and change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;admin;uninstall' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Also delete every devserver, home volume, user namespace and user binding devctl made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say what would be deleted and delete nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;admin;flavor' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('set-default', 'set-default', [CompletionResultType]::ParameterValue, 'Make one flavor the default, and no other')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'devctl;admin;flavor;set-default' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;admin;flavor;help' {
            [CompletionResult]::new('set-default', 'set-default', [CompletionResultType]::ParameterValue, 'Make one flavor the default, and no other')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'devctl;admin;flavor;help;set-default' {
            break
        }
        'devctl;admin;flavor;help;help' {
            break
        }
        'devctl;admin;user' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Give a user a namespace dev-USER, a ServiceAccount, a quota and a kubeconfig')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the users devctl onboarded, with their quota use and devservers')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a user: the namespace dev-USER with its devservers and volumes')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'devctl;admin;user;add' {
            [CompletionResult]::new('--quota-cpu', '--quota-cpu', [CompletionResultType]::ParameterName, 'At most this much CPU requested in the namespace, e.g. 16')
            [CompletionResult]::new('--quota-memory', '--quota-memory', [CompletionResultType]::ParameterName, 'At most this much memory requested in the namespace, e.g. 64Gi')
            [CompletionResult]::new('--quota-gpu', '--quota-gpu', [CompletionResultType]::ParameterName, 'At most this many GPUs (nvidia.com/gpu) requested in the namespace')
            [CompletionResult]::new('--quota-devservers', '--quota-devservers', [CompletionResultType]::ParameterName, 'At most this many devservers in the namespace')
            [CompletionResult]::new('--kubeconfig-out', '--kubeconfig-out', [CompletionResultType]::ParameterName, 'Write the user''s kubeconfig to this file (mode 0600)')
            [CompletionResult]::new('--token-ttl', '--token-ttl', [CompletionResultType]::ParameterName, 'How long the kubeconfig''s token is valid, e.g. 30d')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Replace the --kubeconfig-out file if it exists')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;admin;user;list' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;admin;user;remove' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;admin;user;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Give a user a namespace dev-USER, a ServiceAccount, a quota and a kubeconfig')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the users devctl onboarded, with their quota use and devservers')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a user: the namespace dev-USER with its devservers and volumes')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'devctl;admin;user;help;add' {
            break
        }
        'devctl;admin;user;help;list' {
            break
        }
        'devctl;admin;user;help;remove' {
            break
        }
        'devctl;admin;user;help;help' {
            break
        }
        'devctl;admin;help' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install or update devctl''s cluster objects (idempotent)')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove what devctl admin install made')
            [CompletionResult]::new('flavor', 'flavor', [CompletionResultType]::ParameterValue, 'Change the cluster''s DevServerFlavors')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Onboard, list and remove devserver users')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'devctl;admin;help;install' {
            break
        }
        'devctl;admin;help;uninstall' {
            break
        }
        'devctl;admin;help;flavor' {
            [CompletionResult]::new('set-default', 'set-default', [CompletionResultType]::ParameterValue, 'Make one flavor the default, and no other')
            break
        }
        'devctl;admin;help;flavor;set-default' {
            break
        }
        'devctl;admin;help;user' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Give a user a namespace dev-USER, a ServiceAccount, a quota and a kubeconfig')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the users devctl onboarded, with their quota use and devservers')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a user: the namespace dev-USER with its devservers and volumes')
            break
        }
        'devctl;admin;help;user;add' {
            break
        }
        'devctl;admin;help;user;list' {
            break
        }
        'devctl;admin;help;user;remove' {
            break
        }
        'devctl;admin;help;help' {
            break
        }
        'devctl;job' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a command as a job: devctl job run [NAME] --image IMG -- CMD [ARGS...]')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List your jobs: NAME, STATUS, NODES, AGE, DURATION, EXIT')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a job in detail: its spec, its pods per index with their exit codes, its results and events')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Print a job''s output')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait for a job to finish and exit with its command''s exit code')
            [CompletionResult]::new('results', 'results', [CompletionResultType]::ParameterValue, 'Copy a job''s result files to this machine, each checked with SHA-256')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete jobs: the Job, its pods, Secret, ConfigMap, Service and claims')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'devctl;job;run' {
            [CompletionResult]::new('--image', '--image', [CompletionResultType]::ParameterName, 'Run this container image')
            [CompletionResult]::new('--flavor', '--flavor', [CompletionResultType]::ParameterName, 'Size the job by this flavor, e.g. cpu-medium (default: the default flavor)')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Record this owner on the job (default: as for devctl create)')
            [CompletionResult]::new('--cpu', '--cpu', [CompletionResultType]::ParameterName, 'Request and limit this much CPU instead of the flavor''s, e.g. 4 or 1500m')
            [CompletionResult]::new('--memory', '--memory', [CompletionResultType]::ParameterName, 'Request and limit this much memory instead of the flavor''s, e.g. 16Gi')
            [CompletionResult]::new('--gpu', '--gpu', [CompletionResultType]::ParameterName, 'Give each pod GPUs instead of the flavor''s, e.g. 1 or nvidia.com/mig-1g.10gb=1')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Set an environment variable in the job (repeatable)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Set an environment variable in the job (repeatable)')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Set the environment variables of a file of KEY=VALUE lines')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Mount this file read-only at /devctl/config/KEY (repeatable)')
            [CompletionResult]::new('--volume', '--volume', [CompletionResultType]::ParameterName, 'Mount a volume: CLAIM:/PATH[:ro] (an existing claim) or SIZE:/PATH[:rwo|rwx|rwop|rox] (repeatable)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Run the command as this user and group, e.g. 1000 or 1000:1000')
            [CompletionResult]::new('--fs-group', '--fs-group', [CompletionResultType]::ParameterName, 'Give the volumes this group (the pod''s fsGroup), e.g. 1000')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'Delete the finished job, its pods and its results this long after it ends')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Run a failed pod again this many times before the job fails (not with --nodes: a failing pod fails the whole gang)')
            [CompletionResult]::new('--nodes', '--nodes', [CompletionResultType]::ParameterName, 'Run on this many pods at once (an Indexed Job with ranks 0..N-1)')
            [CompletionResult]::new('--procs-per-node', '--procs-per-node', [CompletionResultType]::ParameterName, 'Processes each pod runs (PET_NPROC_PER_NODE; WORLD_SIZE is nodes x this)')
            [CompletionResult]::new('--master-port', '--master-port', [CompletionResultType]::ParameterName, 'The port rank 0 listens on (MASTER_PORT)')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Queue the job in this Kueue LocalQueue: it is made suspended for Kueue to admit')
            [CompletionResult]::new('--results', '--results', [CompletionResultType]::ParameterName, 'Where the command writes the files it wants back')
            [CompletionResult]::new('--results-size', '--results-size', [CompletionResultType]::ParameterName, 'Size of each pod''s results volume')
            [CompletionResult]::new('--results-class', '--results-class', [CompletionResultType]::ParameterName, 'StorageClass of the results claim (default: the cluster''s default class)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long (exit 6; the job goes on)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('--no-results', '--no-results', [CompletionResultType]::ParameterName, 'Keep no results: no results claim is made, and `job results` has nothing to read')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait for the job to finish and exit with the command''s exit code')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Print the job''s output while waiting (implies --wait)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the manifests and change nothing')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Show Secret values in the --dry-run output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;job;list' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Only jobs whose labels match, e.g. team=ml')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Only jobs whose labels match, e.g. team=ml')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('--all-users', '--all-users', [CompletionResultType]::ParameterName, 'Everyone''s jobs in the namespace')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'Jobs in every namespace (implies --all-users)')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'Jobs in every namespace (implies --all-users)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;job;describe' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;job;logs' {
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'The output of this index''s pod')
            [CompletionResult]::new('--tail', '--tail', [CompletionResultType]::ParameterName, 'Only the last N lines of each pod (then, with -f, what follows)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'The output of every index, each line prefixed with its index')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing new output until the pods end')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing new output until the pods end')
            [CompletionResult]::new('--timestamps', '--timestamps', [CompletionResultType]::ParameterName, 'Begin each line with the time the cluster received it (RFC 3339)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;job;wait' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (exit 6)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;job;results' {
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Only this index''s results')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (exit 6)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List the result files (path, size, SHA-256) and copy nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;job;delete' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when not on a terminal)')
            [CompletionResult]::new('--keep-results', '--keep-results', [CompletionResultType]::ParameterName, 'Keep the results volumes')
            [CompletionResult]::new('--ignore-not-found', '--ignore-not-found', [CompletionResultType]::ParameterName, 'Succeed when a job does not exist')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;job;help' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a command as a job: devctl job run [NAME] --image IMG -- CMD [ARGS...]')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List your jobs: NAME, STATUS, NODES, AGE, DURATION, EXIT')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a job in detail: its spec, its pods per index with their exit codes, its results and events')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Print a job''s output')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait for a job to finish and exit with its command''s exit code')
            [CompletionResult]::new('results', 'results', [CompletionResultType]::ParameterValue, 'Copy a job''s result files to this machine, each checked with SHA-256')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete jobs: the Job, its pods, Secret, ConfigMap, Service and claims')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'devctl;job;help;run' {
            break
        }
        'devctl;job;help;list' {
            break
        }
        'devctl;job;help;describe' {
            break
        }
        'devctl;job;help;logs' {
            break
        }
        'devctl;job;help;wait' {
            break
        }
        'devctl;job;help;results' {
            break
        }
        'devctl;job;help;delete' {
            break
        }
        'devctl;job;help;help' {
            break
        }
        'devctl;completions' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Use this kubeconfig file')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this kubeconfig context')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Work in this namespace')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print data in this format')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Give up on a request that takes longer than this, e.g. 30s')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'devctl;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a devserver')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List your devservers')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a devserver in detail: its state, pod, volumes, SSH endpoints and events')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete devservers')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a devserver (scale it to 0; the home volume stays)')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a stopped devserver (scale it back to 1)')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Restart a devserver (a new pod replaces its pod; the home volume stays)')
            [CompletionResult]::new('extend', 'extend', [CompletionResultType]::ParameterValue, 'Push a devserver''s expiry out')
            [CompletionResult]::new('ssh', 'ssh', [CompletionResultType]::ParameterValue, 'Open a shell on a devserver, or run a command there, over SSH')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a command in a devserver''s container through the Kubernetes exec API')
            [CompletionResult]::new('proxy', 'proxy', [CompletionResultType]::ParameterValue, 'Connect standard input and output to a devserver''s SSH port, for ssh''s ProxyCommand')
            [CompletionResult]::new('port-forward', 'port-forward', [CompletionResultType]::ParameterValue, 'Forward local ports to ports of a devserver, e.g. for Jupyter or TensorBoard')
            [CompletionResult]::new('cp', 'cp', [CompletionResultType]::ParameterValue, 'Copy files and directories to or from a devserver, over SFTP')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Print the log of a devserver''s container')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'Show the events of a devserver: why its pod waits, fails or restarts')
            [CompletionResult]::new('ssh-config', 'ssh-config', [CompletionResultType]::ParameterValue, 'Print ssh_config entries that reach your devservers, or install them with --write')
            [CompletionResult]::new('reap', 'reap', [CompletionResultType]::ParameterValue, 'Delete expired devservers (their home volumes are kept)')
            [CompletionResult]::new('flavors', 'flavors', [CompletionResultType]::ParameterValue, 'List the flavors devservers can be made with, and whether each fits on a node now')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the cluster, who you are there, and whether you may do what devctl needs')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print devctl''s version, and the API server''s when it answers')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or change devctl''s settings')
            [CompletionResult]::new('admin', 'admin', [CompletionResultType]::ParameterValue, 'Set up and look after devctl in a cluster (for cluster admins)')
            [CompletionResult]::new('job', 'job', [CompletionResultType]::ParameterValue, 'Run batch and distributed jobs and get their result files back')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'devctl;help;create' {
            break
        }
        'devctl;help;list' {
            break
        }
        'devctl;help;describe' {
            break
        }
        'devctl;help;delete' {
            break
        }
        'devctl;help;stop' {
            break
        }
        'devctl;help;start' {
            break
        }
        'devctl;help;restart' {
            break
        }
        'devctl;help;extend' {
            break
        }
        'devctl;help;ssh' {
            break
        }
        'devctl;help;exec' {
            break
        }
        'devctl;help;proxy' {
            break
        }
        'devctl;help;port-forward' {
            break
        }
        'devctl;help;cp' {
            break
        }
        'devctl;help;logs' {
            break
        }
        'devctl;help;events' {
            break
        }
        'devctl;help;ssh-config' {
            break
        }
        'devctl;help;reap' {
            break
        }
        'devctl;help;flavors' {
            break
        }
        'devctl;help;status' {
            break
        }
        'devctl;help;version' {
            break
        }
        'devctl;help;config' {
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show every setting, its value and where the value comes from')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the config file')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a setting in the config file')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove a setting from the config file')
            break
        }
        'devctl;help;config;view' {
            break
        }
        'devctl;help;config;path' {
            break
        }
        'devctl;help;config;set' {
            break
        }
        'devctl;help;config;unset' {
            break
        }
        'devctl;help;admin' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install or update devctl''s cluster objects (idempotent)')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove what devctl admin install made')
            [CompletionResult]::new('flavor', 'flavor', [CompletionResultType]::ParameterValue, 'Change the cluster''s DevServerFlavors')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Onboard, list and remove devserver users')
            break
        }
        'devctl;help;admin;install' {
            break
        }
        'devctl;help;admin;uninstall' {
            break
        }
        'devctl;help;admin;flavor' {
            [CompletionResult]::new('set-default', 'set-default', [CompletionResultType]::ParameterValue, 'Make one flavor the default, and no other')
            break
        }
        'devctl;help;admin;flavor;set-default' {
            break
        }
        'devctl;help;admin;user' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Give a user a namespace dev-USER, a ServiceAccount, a quota and a kubeconfig')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the users devctl onboarded, with their quota use and devservers')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a user: the namespace dev-USER with its devservers and volumes')
            break
        }
        'devctl;help;admin;user;add' {
            break
        }
        'devctl;help;admin;user;list' {
            break
        }
        'devctl;help;admin;user;remove' {
            break
        }
        'devctl;help;job' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a command as a job: devctl job run [NAME] --image IMG -- CMD [ARGS...]')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List your jobs: NAME, STATUS, NODES, AGE, DURATION, EXIT')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a job in detail: its spec, its pods per index with their exit codes, its results and events')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Print a job''s output')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait for a job to finish and exit with its command''s exit code')
            [CompletionResult]::new('results', 'results', [CompletionResultType]::ParameterValue, 'Copy a job''s result files to this machine, each checked with SHA-256')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete jobs: the Job, its pods, Secret, ConfigMap, Service and claims')
            break
        }
        'devctl;help;job;run' {
            break
        }
        'devctl;help;job;list' {
            break
        }
        'devctl;help;job;describe' {
            break
        }
        'devctl;help;job;logs' {
            break
        }
        'devctl;help;job;wait' {
            break
        }
        'devctl;help;job;results' {
            break
        }
        'devctl;help;job;delete' {
            break
        }
        'devctl;help;completions' {
            break
        }
        'devctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
