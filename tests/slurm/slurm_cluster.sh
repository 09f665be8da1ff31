#!/usr/bin/env bash
# Starts and stops a private single-node Slurm cluster for tests, built from Debian 12's packages
# slurmctld, slurmd, slurm-client and munge (Slurm 22.05). Everything the cluster writes (config,
# state, spool, pid and log files) stays inside one folder given by the caller; the system-wide
# configuration in /etc/slurm is neither read nor changed.
#
#   slurm_cluster.sh start DIR   create DIR, write DIR/slurm.conf, make sure munged runs, start
#                                slurmctld and slurmd, wait until the node is idle, then print
#                                the single line "SLURM_CONF=DIR/slurm.conf" on stdout
#   slurm_cluster.sh stop DIR    cancel remaining jobs, stop slurmd, slurmctld and (only if
#                                "start" launched it) munged; idempotent
#
# Exit codes of "start": 0 the cluster is up; 77 the cluster cannot run on this machine (packages
# missing, not root, munge not working, a daemon failed, node not idle in time): one sentence on
# stderr says why and whatever was started is stopped again (CTest's SKIP_RETURN_CODE 77);
# 2 wrong usage; 1 DIR already holds a running cluster. "stop" exits 0 unless its usage is wrong.
# Diagnostics go to stderr; stdout carries only the SLURM_CONF line.
#
# Must run as root (SlurmUser=root, SlurmdUser=root; jobs run as the submitting user). No systemd
# and no cgroups are needed: ProctrackType=proctrack/linuxproc, TaskPlugin=task/none.
#
# Environment (optional):
#   SLURM_CLUSTER_TIMEOUT   seconds to wait for the idle node, 60 by default
#   SLURM_CLUSTER_PORT      first TCP port tried for slurmctld, 16817 by default; slurmctld and
#                           slurmd get the first two ports from there on that nobody listens on,
#                           so a system Slurm on the standard ports 6817/6818 is not disturbed
#
# Caveat: munged is shared. If munged already runs, it is reused and never stopped. If "start"
# launches munged, "stop" of the same DIR stops it, also when another cluster still uses it; do
# not interleave two clusters that way.
set -euo pipefail

usage() {
    echo "usage: $(basename "$0") start|stop DIR" >&2
    exit 2
}

log() { echo "slurm_cluster: $*" >&2; }

# The daemons live in /usr/sbin, which a non-login root shell may lack in PATH.
PATH="$PATH:/usr/sbin:/sbin"

[ $# -eq 2 ] || usage
action=$1
[ -n "$2" ] || usage
# Slurm requires absolute paths in slurm.conf.
dir=$(realpath -m -- "$2")
conf="$dir/slurm.conf"
timeout_s="${SLURM_CLUSTER_TIMEOUT:-60}"
host=$(hostname -s)

# --- process helpers ------------------------------------------------------------------------

# alive PID: true if the process exists and is not a zombie.
alive() {
    local pid=$1 state
    [ -r "/proc/$pid/stat" ] || return 1
    # The state is the first field after the parenthesised command name.
    state=$(sed -e 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1) || return 1
    [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

# pid_from FILE NAME: print the PID stored in FILE if that process is alive and its command name
# begins with NAME (guards against a PID reused by an unrelated process); fails otherwise.
pid_from() {
    local file=$1 name=$2 pid comm
    [ -s "$file" ] || return 1
    pid=$(tr -dc '0-9' <"$file")
    [ -n "$pid" ] || return 1
    alive "$pid" || return 1
    comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 1
    case "$comm" in "$name"*) echo "$pid" ;; *) return 1 ;; esac
}

# stop_pidfile FILE NAME: SIGTERM the process in FILE, wait up to 20 s, then SIGKILL; remove FILE.
stop_pidfile() {
    local file=$1 name=$2 pid i
    if pid=$(pid_from "$file" "$name"); then
        log "stopping $name (PID $pid)"
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < 200; i++)); do
            alive "$pid" || break
            sleep 0.1
        done
        if alive "$pid"; then
            log "$name (PID $pid) still running after 20 s, sending SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
            for ((i = 0; i < 50; i++)); do
                alive "$pid" || break
                sleep 0.1
            done
        fi
    fi
    rm -f "$file"
}

# wait_pidfile FILE NAME: wait up to 15 s until a daemonised process has written FILE.
wait_pidfile() {
    local file=$1 name=$2 i
    for ((i = 0; i < 150; i++)); do
        pid_from "$file" "$name" >/dev/null && return 0
        sleep 0.1
    done
    return 1
}

# any_process NAME: true if some live process has the command name NAME (only a test, never a
# kill). Zombies do not count: an init that reaps orphans late leaves them around for a while.
any_process() {
    local c pid
    for c in /proc/[0-9]*/comm; do
        [ "$(cat "$c" 2>/dev/null)" = "$1" ] || continue
        pid=${c#/proc/}
        pid=${pid%/comm}
        alive "$pid" && return 0
    done
    return 1
}

# port_in_use PORT: true if some TCP socket (IPv4 or IPv6) listens on PORT.
port_in_use() {
    local hex
    hex=$(printf '%04X' "$1")
    # Columns of /proc/net/tcp*: sl local_address rem_address st ...; st 0A is LISTEN.
    awk -v p=":$hex" 'NR > 1 && $4 == "0A" && substr($2, length($2) - 4) == p { f = 1 }
                      END { exit !f }' /proc/net/tcp /proc/net/tcp6 2>/dev/null
}

# --- stop -----------------------------------------------------------------------------------

do_stop() {
    local ids i
    [ -d "$dir" ] || return 0
    # Cancel jobs still known to slurmctld so that no slurmstepd outlives the cluster.
    if [ -f "$conf" ] && pid_from "$dir/slurmctld.pid" slurmctld >/dev/null; then
        ids=$(SLURM_CONF=$conf timeout 10 squeue -h -o %A 2>/dev/null | sort -u || true)
        if [ -n "$ids" ]; then
            log "cancelling remaining jobs: $(echo "$ids" | tr '\n' ' ')"
            # shellcheck disable=SC2086
            SLURM_CONF=$conf timeout 10 scancel $ids 2>/dev/null || true
            for ((i = 0; i < 30; i++)); do
                [ -z "$(SLURM_CONF=$conf timeout 10 squeue -h -o %A 2>/dev/null || true)" ] && break
                sleep 0.5
            done
        fi
    fi
    # slurmd first (it reports to slurmctld), then slurmctld (its helper slurmscriptd exits with
    # it), then munged if this script started it.
    stop_pidfile "$dir/slurmd.pid" slurmd
    stop_pidfile "$dir/slurmctld.pid" slurmctld
    stop_pidfile "$dir/munged.pid" munged
}

# --- start ----------------------------------------------------------------------------------

# skip SENTENCE: stop what was started, then print why the cluster cannot run (as the last line
# on stderr), exit 77.
skip() {
    trap - EXIT
    do_stop || true
    log "$*"
    exit 77
}

# Print the tail of a log file to stderr, for a failure message.
show_log() {
    [ -s "$1" ] || return 0
    log "last lines of $1:"
    tail -n 15 "$1" | sed 's/^/    /' >&2
}

# ensure_munge: make "munge -n | unmunge" work, starting munged only if none runs.
ensure_munge() {
    local i
    if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
        log "using the munged that is already running"
        return 0
    fi
    if any_process munged; then
        skip "munged is running but 'munge -n | unmunge' fails, so Slurm cannot authenticate."
    fi
    if [ ! -f /etc/munge/munge.key ]; then
        log "creating /etc/munge/munge.key"
        mkdir -p /etc/munge
        mungekey -c -f >&2 || skip "Could not create /etc/munge/munge.key with mungekey."
        chown munge:munge /etc/munge /etc/munge/munge.key
        chmod 0700 /etc/munge
        chmod 0600 /etc/munge/munge.key
    fi
    # /run is a tmpfs on most machines: the socket folder may be missing after a reboot.
    mkdir -p /run/munge
    chown munge:munge /run/munge
    chmod 0755 /run/munge
    rm -f /run/munge/munged.pid
    log "starting munged as user munge"
    runuser -u munge -- munged </dev/null >>"$dir/munged.stdio" 2>&1 ||
        skip "munged failed to start (see /var/log/munge/munged.log)."
    # munged forks and writes its PID to its default pid file; keep a copy in DIR so that "stop"
    # knows it was started here.
    wait_pidfile /run/munge/munged.pid munged ||
        skip "munged did not write /run/munge/munged.pid (see /var/log/munge/munged.log)."
    cp /run/munge/munged.pid "$dir/munged.pid"
    for ((i = 0; i < 50; i++)); do
        munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    skip "'munge -n | unmunge' fails although munged was started, so Slurm cannot authenticate."
}

# free_port FROM: print the first port >= FROM that nobody listens on.
free_port() {
    local p=$1
    while port_in_use "$p"; do p=$((p + 1)); done
    echo "$p"
}

# write_conf CTLD_PORT SLURMD_PORT: write slurm.conf and an empty plugstack.conf into DIR.
write_conf() {
    local ctld_port=$1 slurmd_port=$2 cpus mem_mb
    cpus=$(nproc)
    # RealMemory: 80 % of MemTotal in MiB. slurmd drains the node if it finds less memory than
    # configured, so stay well below the real value.
    mem_mb=$(awk '/^MemTotal:/ { m = int($2 / 1024 * 0.8); print (m < 1 ? 1 : m) }' /proc/meminfo)
    # An empty SPANK config, so that /etc/slurm/plugstack.conf is not read.
    : >"$dir/plugstack.conf"
    cat >"$conf" <<EOF
# Written by slurm_cluster.sh: a private single-node test cluster. All paths are inside
# $dir.
ClusterName=testcluster
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
# No mail is sent; an existing program avoids "MailProg is invalid" in the log.
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SwitchType=switch/none
SchedulerType=sched/builtin
# Schedule batch jobs at once instead of batching them for up to 3 s (the default).
SchedulerParameters=batch_sched_delay=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
PlugStackConfig=$dir/plugstack.conf
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
# Short intervals: a fresh node registers quickly, finished jobs leave squeue soon.
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=30
KillWait=5
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
}

# on_start_exit: on an unexpected failure during "start", stop what was started.
on_start_exit() {
    local rc=$?
    if [ "$rc" -ne 0 ]; then
        log "start failed (exit code $rc), stopping what was started"
        do_stop || true
    fi
}

do_start() {
    local c missing="" ctld_port slurmd_port state deadline t0
    t0=$SECONDS
    [ "$(id -u)" -eq 0 ] || { log "Slurm test cluster needs root (SlurmUser=root), skipping."; exit 77; }
    for c in slurmctld slurmd sbatch sinfo squeue scancel munged munge unmunge mungekey runuser; do
        command -v "$c" >/dev/null 2>&1 || missing="$missing $c"
    done
    if [ -n "$missing" ]; then
        log "Slurm or munge is not installed (not found:$missing); install slurmctld slurmd slurm-client munge."
        exit 77
    fi

    mkdir -p "$dir"
    if pid_from "$dir/slurmctld.pid" slurmctld >/dev/null || pid_from "$dir/slurmd.pid" slurmd >/dev/null; then
        log "a cluster from $dir is still running; run '$(basename "$0") stop $dir' first"
        exit 1
    fi
    # Leftovers of an earlier run in the same DIR: stale pid files, job state.
    rm -rf "$dir/state" "$dir/spool"
    rm -f "$dir/slurmctld.pid" "$dir/slurmd.pid" "$dir/munged.pid"
    mkdir -p "$dir/state" "$dir/spool"
    trap on_start_exit EXIT

    ensure_munge

    ctld_port=$(free_port "${SLURM_CLUSTER_PORT:-16817}")
    slurmd_port=$(free_port $((ctld_port + 1)))
    write_conf "$ctld_port" "$slurmd_port"
    export SLURM_CONF=$conf
    log "slurm.conf written, slurmctld port $ctld_port, slurmd port $slurmd_port"

    # Both daemons fork into the background. Their stdio goes to files, so that they never hold
    # the caller's pipes open (a "$(slurm_cluster.sh start DIR)" would wait for them otherwise).
    # -c: start with a clean job state.
    slurmctld -c -f "$conf" </dev/null >>"$dir/slurmctld.stdio" 2>&1 || {
        show_log "$dir/slurmctld.log"
        skip "slurmctld failed to start (log: $dir/slurmctld.log)."
    }
    wait_pidfile "$dir/slurmctld.pid" slurmctld || {
        show_log "$dir/slurmctld.log"
        skip "slurmctld did not come up (log: $dir/slurmctld.log)."
    }
    slurmd -f "$conf" </dev/null >>"$dir/slurmd.stdio" 2>&1 || {
        show_log "$dir/slurmd.log"
        skip "slurmd failed to start (log: $dir/slurmd.log)."
    }
    wait_pidfile "$dir/slurmd.pid" slurmd || {
        show_log "$dir/slurmd.log"
        skip "slurmd did not come up (log: $dir/slurmd.log)."
    }

    # Wait until the node is idle; fail early if a daemon dies meanwhile.
    state=""
    deadline=$((SECONDS + timeout_s))
    while [ "$SECONDS" -lt "$deadline" ]; do
        state=$(timeout 5 sinfo -h -N -n "$host" -o %t 2>/dev/null | head -n 1 || true)
        [ "$state" = idle ] && break
        pid_from "$dir/slurmctld.pid" slurmctld >/dev/null || {
            show_log "$dir/slurmctld.log"
            skip "slurmctld exited while the node was coming up (log: $dir/slurmctld.log)."
        }
        pid_from "$dir/slurmd.pid" slurmd >/dev/null || {
            show_log "$dir/slurmd.log"
            skip "slurmd exited while the node was coming up (log: $dir/slurmd.log)."
        }
        sleep 0.5
    done
    if [ "$state" != idle ]; then
        timeout 10 sinfo -R >&2 2>/dev/null || true
        show_log "$dir/slurmd.log"
        show_log "$dir/slurmctld.log"
        skip "Slurm node $host was not idle within $timeout_s s (state '${state:-unknown}')."
    fi

    trap - EXIT
    log "cluster up in $((SECONDS - t0)) s"
    echo "SLURM_CONF=$conf"
}

case "$action" in
    start) do_start ;;
    stop) do_stop ;;
    *) usage ;;
esac
