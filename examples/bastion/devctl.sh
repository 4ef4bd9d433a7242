# shellcheck shell=sh
# /etc/profile.d/devctl.sh on the devctl bastion: each login user talks to the cluster as the
# ServiceAccount that `devctl admin user add USER` made, through the kubeconfig that
# bastion-start copied from the Secret bastion-kubeconfigs to a file only USER can read.
# POSIX sh: sourced by every login shell (bash, dash, ...).

devctl_users=${DEVCTL_BASTION_USERS:-/run/devctl/users}
devctl_user=$(id -un)
devctl_kubeconfig=$devctl_users/$devctl_user/kubeconfig

if [ -n "${KUBECONFIG-}" ]; then
    : # chosen by the user already
elif [ -r "$devctl_kubeconfig" ]; then
    KUBECONFIG=$devctl_kubeconfig
    export KUBECONFIG
else
    printf '%s\n' \
        "devctl: there is no kubeconfig for $devctl_user on this bastion ($devctl_kubeconfig)," \
        "        so devctl cannot reach the cluster as you yet. Ask a cluster admin to run" \
        "        devctl admin user add $devctl_user --kubeconfig-out $devctl_user.kubeconfig" \
        "        and to add that file to the Secret bastion-kubeconfigs (see the bastion's README)." >&2
fi

# The bastion runs in the cluster: devservers' pod addresses are reachable from here, so SSH
# goes to them straight, not through the API server. (sshd gives login shells a clean
# environment, so devctl cannot tell from KUBERNETES_SERVICE_HOST.)
if [ -z "${DEVCTL_SSH_TRANSPORT-}" ]; then
    DEVCTL_SSH_TRANSPORT=direct
    export DEVCTL_SSH_TRANSPORT
fi

# Completions for bash; other shells: devctl completions zsh|fish --help.
if [ -n "${BASH_VERSION-}" ] && [ -r /usr/share/bash-completion/completions/devctl ]; then
    # shellcheck source=/dev/null
    . /usr/share/bash-completion/completions/devctl
fi

unset devctl_users devctl_user devctl_kubeconfig
