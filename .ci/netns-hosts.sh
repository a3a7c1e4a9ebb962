#!/usr/bin/env bash
# Several "hosts" on this machine for the multi-host tests: network namespaces jp-login, jp-node1..3 on one
# bridge (jpbr0), each with its own address from 198.18.77.0/24 (a range reserved for tests, used only
# inside these namespaces) and a hosts file naming all of them (ip netns exec bind-mounts
# /etc/netns/<ns>/hosts over /etc/hosts). Needs root and iproute2.
#   netns-hosts.sh up               make them (removing leftovers of an earlier run first)
#   netns-hosts.sh down             kill what runs in them, remove them, the bridge and the hosts files
#   netns-hosts.sh run HOST CMD...  run CMD on HOST: in its namespace, with HOST as its host name
#   netns-hosts.sh address HOST     print HOST's address
set -euo pipefail

HOSTS=(login node1 node2 node3)
BRIDGE=jpbr0
SUBNET=198.18.77

address() {
    case "$1" in
        login) echo "$SUBNET.10" ;;
        node[1-9]) echo "$SUBNET.${1#node}" ;;
        *) echo "netns-hosts: unknown host '$1' (hosts: ${HOSTS[*]})" >&2; exit 2 ;;
    esac
}

namespace() {
    echo "jp-$1"
}

down() {
    local host ns pid
    for host in "${HOSTS[@]}"; do
        ns=$(namespace "$host")
        if ip netns list | grep -qw "$ns"; then
            # Only what the tests started runs in these namespaces; a killed test leaves it behind.
            for pid in $(ip netns pids "$ns"); do
                kill -KILL "$pid" 2>/dev/null || true
            done
            for _ in $(seq 20); do
                [ -z "$(ip netns pids "$ns")" ] && break
                sleep 0.25
            done
            ip netns del "$ns"
        fi
        rm -rf "/etc/netns/$ns"
    done
    # A namespace goes away, with its end of a veth pair, only once the kernel has cleaned it up: remove the
    # host's ends now, so that the next up can make them again.
    local i
    for i in "${!HOSTS[@]}"; do
        ip link del "jpv$i" 2>/dev/null || true
    done
    if ip link show "$BRIDGE" >/dev/null 2>&1; then
        ip link del "$BRIDGE"
    fi
}

up() {
    command -v ip >/dev/null || { echo "netns-hosts: ip (iproute2) is not installed" >&2; exit 1; }
    [ "$(id -u)" = 0 ] || { echo "netns-hosts: network namespaces need root" >&2; exit 1; }
    down
    ip link add "$BRIDGE" type bridge
    ip link set "$BRIDGE" up
    local host ns veth i=0
    for host in "${HOSTS[@]}"; do
        ns=$(namespace "$host")
        veth="jpv$i"
        i=$((i + 1))
        ip netns add "$ns"
        ip link add "$veth" type veth peer name "${veth}p"
        ip link set "${veth}p" netns "$ns"
        ip link set "$veth" master "$BRIDGE"
        ip link set "$veth" up
        ip netns exec "$ns" ip link set lo up
        ip netns exec "$ns" ip link set "${veth}p" name eth0
        ip netns exec "$ns" ip addr add "$(address "$host")/24" dev eth0
        ip netns exec "$ns" ip link set eth0 up
        mkdir -p "/etc/netns/$ns"
        {
            printf '127.0.0.1 localhost\n'
            for other in "${HOSTS[@]}"; do
                printf '%s %s\n' "$(address "$other")" "$other"
            done
        } >"/etc/netns/$ns/hosts"
    done
}

case "${1:-}" in
    up) up ;;
    down) down ;;
    address) address "$2" ;;
    run)
        host=$2
        shift 2
        address "$host" >/dev/null
        exec ip netns exec "$(namespace "$host")" unshare --uts -- sh -c 'hostname "$0" && exec "$@"' "$host" "$@"
        ;;
    *) echo "usage: netns-hosts.sh up | down | run HOST CMD... | address HOST" >&2; exit 2 ;;
esac
