#!/bin/sh
# devctl's startup script: the devserver container runs it as root. It makes the user `dev`
# (UID/GID 1000) with passwordless root, installs the SSH keys from /devctl/ssh, and runs sshd
# in the foreground. `startup.sh host-key` is the init container of a multi-node devserver's
# pod instead: it copies that pod's own host key pair, alone, for the devserver container
# (copy_own_host_key). POSIX sh for Debian/Ubuntu, Fedora/RHEL/Rocky and Alpine images;
# idempotent, so a restarted container runs it again safely. It never evaluates a value a user
# chose: names and keys are only read from files and quoted variables.
set -u

DEVCTL_DIR=${DEVCTL_DIR:-/devctl}
KEY_SRC="$DEVCTL_DIR/ssh"
# A multi-node pod's own host key pair (a memory-backed emptyDir), which its init container
# copies from every pod's pairs in ALL_HOST_KEYS. A single node has neither: its pair is in
# KEY_SRC.
OWN_HOST_KEY=${DEVCTL_HOST_KEY_DIR:-}
ALL_HOST_KEYS=${DEVCTL_ALL_HOST_KEYS:-/devctl-host-keys}
HOST_KEYS=/etc/ssh/devctl
SSHD_RUN=/run/sshd
DEV=dev
DEV_ID=1000

log() { printf 'devctl: %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }

# The name of the passwd or group entry with id $2 in file $1, if any.
name_with_id() { awk -F: -v id="$2" '$3 == id { print $1; exit }' "$1" 2>/dev/null; }

# Field $3 of the passwd or group entry named $2 in file $1, if any.
field_of() { awk -F: -v name="$2" -v n="$3" '$1 == name { print $n; exit }' "$1" 2>/dev/null; }

# Installs packages with whichever package manager the image has; fails without one.
pkg_install() {
	if have apt-get; then
		DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
	elif have apk; then
		apk add --no-cache "$@"
	elif have dnf; then
		dnf install -y "$@"
	elif have microdnf; then
		microdnf install -y "$@"
	elif have yum; then
		yum install -y "$@"
	elif have zypper; then
		zypper --non-interactive install "$@"
	else
		return 1
	fi
}

# The package that provides doas differs between distributions.
doas_package() {
	if have apk; then echo doas; else echo opendoas; fi
}

# An image's own user or group `dev` with an ID other than 1000 is removed (its home stays, and
# so do the other groups that list dev as a member), so that the steps below make dev again as
# 1000; hand_over_home then gives the new dev what the old one owned at home.
drop_stale_dev() {
	stale_uid=$(field_of /etc/passwd "$DEV" 3)
	if [ -n "$stale_uid" ] && [ "$stale_uid" != "$DEV_ID" ]; then
		log "the image's user $DEV has UID $stale_uid: it is made again as $DEV_ID"
		sed -i "/^$DEV:/d" /etc/passwd
		if [ -f /etc/shadow ]; then sed -i "/^$DEV:/d" /etc/shadow; fi
	else
		stale_uid=
	fi
	stale_gid=$(field_of /etc/group "$DEV" 3)
	if [ -n "$stale_gid" ] && [ "$stale_gid" != "$DEV_ID" ]; then
		log "the image's group $DEV has GID $stale_gid: it is made again as $DEV_ID"
		sed -i "/^$DEV:/d" /etc/group
		if [ -f /etc/gshadow ]; then sed -i "/^$DEV:/d" /etc/gshadow; fi
	else
		stale_gid=
	fi
}

ensure_group() {
	old=$(name_with_id /etc/group "$DEV_ID")
	if [ "$old" = "$DEV" ]; then return 0; fi
	if [ -n "$old" ]; then
		# Take over the group that has our GID (ubuntu:24.04 ships `ubuntu` as 1000).
		if have groupmod; then groupmod -n "$DEV" "$old"; else sed -i "s/^$old:/$DEV:/" /etc/group; fi
	elif have groupadd; then
		groupadd -g "$DEV_ID" "$DEV"
	else
		addgroup -g "$DEV_ID" "$DEV"
	fi
}

ensure_user() {
	shell=/bin/sh
	[ -x /bin/bash ] && shell=/bin/bash
	old=$(name_with_id /etc/passwd "$DEV_ID")
	if [ -n "$old" ] && [ "$old" != "$DEV" ]; then
		# Take over the user that has our UID, home and all.
		if have usermod; then
			# Move the old home along unless a (persistent) /home/dev is already there.
			move=-m
			[ -e "/home/$DEV" ] && move=
			usermod -l "$DEV" -d "/home/$DEV" $move -s "$shell" "$old"
		else
			sed -i "s/^$old:/$DEV:/" /etc/passwd
			[ -f /etc/shadow ] && sed -i "s/^$old:/$DEV:/" /etc/shadow
		fi
	elif [ -z "$old" ]; then
		if have useradd; then
			useradd -m -u "$DEV_ID" -g "$DEV_ID" -s "$shell" "$DEV"
		else
			adduser -D -u "$DEV_ID" -G "$DEV" -s "$shell" "$DEV"
		fi
	fi
	if [ "$(field_of /etc/passwd "$DEV" 4)" != "$DEV_ID" ]; then
		if have usermod; then
			usermod -g "$DEV_ID" "$DEV"
		else
			sed -i "s/^\($DEV:[^:]*:[^:]*:\)[^:]*:/\1$DEV_ID:/" /etc/passwd
		fi
	fi
	mkdir -p "/home/$DEV"
	chown "$DEV_ID:$DEV_ID" "/home/$DEV"
	# A locked password ("!") makes sshd refuse even key logins; "*" allows keys only.
	if [ -f /etc/shadow ]; then
		sed -i "s/^$DEV:[^:]*:/$DEV:*:/" /etc/shadow
	fi
	log "user $DEV is $(field_of /etc/passwd "$DEV" 3):$(field_of /etc/passwd "$DEV" 4) with home /home/$DEV"
}

# Gives dev what a `dev` that drop_stale_dev removed owned in /home/dev.
hand_over_home() {
	if [ -n "$stale_uid" ]; then
		find "/home/$DEV" -xdev -user "$stale_uid" -exec chown -h "$DEV_ID" {} +
	fi
	if [ -n "$stale_gid" ]; then
		find "/home/$DEV" -xdev -group "$stale_gid" -exec chgrp -h "$DEV_ID" {} +
	fi
}

ensure_root_access() {
	if have sudo; then
		mkdir -p /etc/sudoers.d
		printf '%s ALL=(ALL) NOPASSWD:ALL\n' "$DEV" >/etc/sudoers.d/devctl
		chmod 0440 /etc/sudoers.d/devctl
		log "$DEV gets root through sudo"
		return 0
	fi
	if ! have doas; then
		pkg_install "$(doas_package)" >/dev/null 2>&1 || {
			log "neither sudo nor doas could be had: dev has no root access"
			return 0
		}
	fi
	conf=/etc/doas.conf
	[ -d /etc/doas.d ] && conf=/etc/doas.d/devctl.conf
	printf 'permit nopass %s as root\n' "$DEV" >"$conf"
	chmod 0400 "$conf"
	log "$DEV gets root through doas"
}

# The name of this pod's host key pair in $KEY_SRC. A multi-node devserver's pod I (its index
# in DEVCTL_NODE_INDEX, from the pod's own label) has the pair ssh_host_ed25519_key-I; pod 0,
# like a single-node devserver (which has no DEVCTL_NODE_INDEX), ssh_host_ed25519_key. A
# cluster older than the pod-index label leaves it empty: the index is then the hostname's
# suffix (NAME-I). Anything but digits is refused.
host_key_name() {
	node=${DEVCTL_NODE_INDEX:-0}
	if [ "${DEVCTL_NODE_INDEX+set}" = set ] && [ -z "$DEVCTL_NODE_INDEX" ]; then
		node=$(uname -n)
		node=${node##*-}
	fi
	case $node in
	'' | *[!0-9]*)
		log "DEVCTL_NODE_INDEX is not a pod index"
		return 1
		;;
	esac
	# The label writes no leading zeros; 010 is pod 10 all the same.
	while [ "${node#0}" != "$node" ]; do node=${node#0}; done
	if [ -z "$node" ]; then
		echo ssh_host_ed25519_key
	else
		echo "ssh_host_ed25519_key-$node"
	fi
}

# The init container's work (`startup.sh host-key`): this pod's pair, picked by its index,
# from ALL_HOST_KEYS to OWN_HOST_KEY as ssh_host_ed25519_key(.pub), 0400 and 0444. The
# devserver container mounts OWN_HOST_KEY alone, so it never sees another pod's private key.
copy_own_host_key() {
	if [ -z "$OWN_HOST_KEY" ]; then
		log "DEVCTL_HOST_KEY_DIR is not set"
		return 1
	fi
	key_name=$(host_key_name) || return 1
	for file in "$key_name" "$key_name.pub"; do
		if [ ! -f "$ALL_HOST_KEYS/$file" ]; then
			log "this pod's host key $file is not in $ALL_HOST_KEYS"
			return 1
		fi
	done
	own="$OWN_HOST_KEY/ssh_host_ed25519_key"
	# A rerun (the pod's sandbox made again) finds the copies of the first run.
	rm -f "$own" "$own.pub" || return 1
	cp "$ALL_HOST_KEYS/$key_name" "$own" &&
		chmod 0400 "$own" &&
		cp "$ALL_HOST_KEYS/$key_name.pub" "$own.pub" &&
		chmod 0444 "$own.pub" || return 1
	log "this pod's host key is $key_name"
}

install_keys() {
	if [ -n "$OWN_HOST_KEY" ]; then
		# A multi-node pod: its init container left its own pair there, under the plain name.
		key_dir=$OWN_HOST_KEY
		key_name=ssh_host_ed25519_key
	else
		key_dir=$KEY_SRC
		key_name=$(host_key_name) || stay_alive "this pod has no host key"
	fi
	if [ ! -f "$key_dir/$key_name" ]; then
		stay_alive "this pod's host key $key_name is not in $key_dir"
	fi
	mkdir -p "$HOST_KEYS"
	chmod 0755 "$HOST_KEYS"
	cp "$key_dir/$key_name" "$HOST_KEYS/ssh_host_ed25519_key"
	cp "$key_dir/$key_name.pub" "$HOST_KEYS/ssh_host_ed25519_key.pub"
	chmod 0600 "$HOST_KEYS/ssh_host_ed25519_key"
	chmod 0644 "$HOST_KEYS/ssh_host_ed25519_key.pub"
	mkdir -p "/home/$DEV/.ssh"
	cp "$KEY_SRC/authorized_keys" "/home/$DEV/.ssh/authorized_keys"
	chown -R "$DEV_ID:$DEV_ID" "/home/$DEV/.ssh"
	chmod 0700 "/home/$DEV/.ssh"
	chmod 0600 "/home/$DEV/.ssh/authorized_keys"
	if [ -f "$DEVCTL_DIR/motd" ]; then cp "$DEVCTL_DIR/motd" /etc/motd; fi
}

find_sshd() {
	for candidate in /usr/sbin/sshd /usr/bin/sshd /sbin/sshd; do
		if [ -x "$candidate" ]; then
			echo "$candidate"
			return 0
		fi
	done
	return 1
}

# Keeps the container alive without sshd, so `devctl exec` still works. It sleeps an hour at a
# time (busybox's sleep may know no "infinity") in the background, so that SIGTERM, which a
# shell running as PID 1 would otherwise ignore until the kubelet's SIGKILL, ends it at once.
stay_alive() {
	log "$1; the devserver stays up for devctl exec"
	nap=
	trap 'kill "$nap" 2>/dev/null; exit 0' TERM INT
	while :; do
		sleep 3600 &
		nap=$!
		wait "$nap"
	done
}

# The rank variables of a multi-node devserver's pod as one sshd SetEnv value
# ("MASTER_ADDR=... RANK=1 ..."): sshd gives its sessions none of the container's environment.
# Only values of plain characters are passed (a DNS name, a number); they go to sshd as an
# argument, never into code.
rank_setenv() {
	[ -n "${DEVCTL_NODE_INDEX:-}" ] || return 0
	pairs=
	for name in MASTER_ADDR MASTER_PORT WORLD_SIZE NNODES NODE_RANK RANK PET_NNODES \
		PET_NODE_RANK PET_NPROC_PER_NODE PET_MASTER_ADDR PET_MASTER_PORT; do
		value=$(printenv "$name") || continue
		case $value in
		'' | *[!A-Za-z0-9._-]*) continue ;;
		esac
		pairs="${pairs:+$pairs }$name=$value"
	done
	printf '%s\n' "$pairs"
}

# Runs sshd in the foreground, installing it first if the image has none.
serve_ssh() {
	sshd=$(find_sshd) || {
		log "installing the OpenSSH server"
		pkg_install openssh-server >&2 || stay_alive "sshd is not installed and could not be installed"
		sshd=$(find_sshd) || stay_alive "sshd is not installed and could not be installed"
	}
	log "sshd is $sshd"
	mkdir -p "$SSHD_RUN"
	chmod 0755 "$SSHD_RUN"
	set -- -f "$DEVCTL_DIR/sshd_config"
	ranks=$(rank_setenv)
	if [ -n "$ranks" ]; then
		# SetEnv needs OpenSSH 8.7; an older sshd serves the sessions without the variables.
		if "$sshd" -t "$@" -o "SetEnv=$ranks" >/dev/null 2>&1; then
			set -- "$@" -o "SetEnv=$ranks"
			log "SSH sessions get the rank variables"
		else
			log "this sshd cannot give SSH sessions the rank variables (devctl exec has them)"
		fi
	fi
	# sshd checks its configuration and host key first: one it refuses would end the container.
	"$sshd" -t "$@" >&2 || stay_alive "sshd cannot start"
	log "starting sshd"
	exec "$sshd" -D -e "$@"
}

main() {
	drop_stale_dev
	ensure_group
	ensure_user
	hand_over_home
	ensure_root_access
	install_keys
	serve_ssh
}

# Tests source the functions alone.
if [ "${DEVCTL_STARTUP_LIB:-}" != 1 ]; then
	case ${1:-} in
	host-key) copy_own_host_key || exit 1 ;;
	*) main ;;
	esac
fi
