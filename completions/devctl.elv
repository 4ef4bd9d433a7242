
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
            cand status 'Show the cluster, who you are, and whether you may do what devctl needs'
            cand version 'Print the client version, and the server''s when it is reachable'
            cand config 'Show or change devctl''s settings'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
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
            cand status 'Show the cluster, who you are, and whether you may do what devctl needs'
            cand version 'Print the client version, and the server''s when it is reachable'
            cand config 'Show or change devctl''s settings'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
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
