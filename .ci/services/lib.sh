#!/usr/bin/env bash
#
# Copyright The camel-iggy Authors
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
#
# Shared helpers for the .ci/services/<name>.sh scripts; sourced, never run. Each script declares
# SVC_NAME, SVC_HOST, SVC_PORT and SVC_PACKAGES, sources this file, calls svc_begin "$@", then installs
# (svc_install), configures, starts its daemon without systemd (svc_start_daemon) and ends with svc_ready.
# Everything lands in $IGGY_CI_SERVICES_DIR (default /tmp/iggy-ci-services): <name>.log, <name>.pid.

export DEBIAN_FRONTEND=noninteractive
IGGY_CI_SERVICES_DIR=${IGGY_CI_SERVICES_DIR:-/tmp/iggy-ci-services}
SVC_TIMEOUT=${SVC_TIMEOUT:-60}

svc_log() { echo "[$SVC_NAME] $*"; }
svc_die() {
  echo "[$SVC_NAME] ERROR: $*" >&2
  exit 1
}

# Seconds since $1 (a `date +%s.%N` stamp), one decimal.
svc_elapsed() { awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'; }

# Handles --packages (print the Debian packages and exit: all.sh installs them in one go), becomes root through
# sudo when needed, and prepares the log directory.
svc_begin() {
  if [[ ${1:-} == --packages ]]; then
    echo "${SVC_PACKAGES[*]}"
    exit 0
  fi
  if [[ $EUID -ne 0 ]]; then
    command -v sudo >/dev/null || svc_die "must run as root (no sudo here)"
    exec sudo --preserve-env=IGGY_CI_SERVICES_DIR,SVC_TIMEOUT,CI bash "$0" "$@"
  fi
  SVC_T0=$(date +%s.%N)
  SVC_LOG=$IGGY_CI_SERVICES_DIR/$SVC_NAME.log
  SVC_PIDFILE=$IGGY_CI_SERVICES_DIR/$SVC_NAME.pid
  mkdir -p "$IGGY_CI_SERVICES_DIR"
  chmod 0755 "$IGGY_CI_SERVICES_DIR"
}

svc_pkg_installed() { [[ $(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null) == installed ]]; }

# apt-get update, unless this helper did one in the last hour.
svc_apt_update() {
  local stamp=$IGGY_CI_SERVICES_DIR/apt-update.stamp
  mkdir -p "$IGGY_CI_SERVICES_DIR"
  if [[ -n $(find "$stamp" -mmin -60 2>/dev/null) ]]; then
    return 0
  fi
  local t0
  t0=$(date +%s.%N)
  apt-get update -q >"$IGGY_CI_SERVICES_DIR/apt-update.log" 2>&1 || {
    tail -n 30 "$IGGY_CI_SERVICES_DIR/apt-update.log" >&2
    echo "apt-get update failed (log: $IGGY_CI_SERVICES_DIR/apt-update.log)" >&2
    return 1
  }
  touch "$stamp"
  echo "apt-get update in $(svc_elapsed "$t0")s"
}

# Installs the given packages that are not installed yet (no-op when all are). Services are not started by the
# packages' maintainer scripts: a policy-rc.d that says 101 is put in place for the install if none is there,
# so the scripts here start every daemon themselves, with their own configuration.
svc_apt_install() {
  local missing=() p
  for p in "$@"; do
    svc_pkg_installed "$p" || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  svc_apt_update
  local t0 policy=/usr/sbin/policy-rc.d own_policy=0 rc=0 log=$IGGY_CI_SERVICES_DIR/apt-install.log
  t0=$(date +%s.%N)
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\n# temporary, from camel-iggy .ci/services: no daemon starts during apt-get install\nexit 101\n' >"$policy"
    chmod 0755 "$policy"
    own_policy=1
  fi
  echo "apt-get install ${missing[*]}" >>"$log"
  apt-get install -y -q --no-install-recommends \
    -o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    "${missing[@]}" >>"$log" 2>&1 || rc=$?
  [[ $own_policy -eq 1 ]] && rm -f "$policy"
  if [[ $rc -ne 0 ]]; then
    tail -n 40 "$log" >&2
    echo "apt-get install ${missing[*]} failed with exit code $rc (log: $log)" >&2
    return 1
  fi
  echo "installed ${#missing[@]} package(s) (${missing[*]}) with their dependencies in $(svc_elapsed "$t0")s"
}

svc_install() { svc_apt_install "${SVC_PACKAGES[@]}"; }

# Writes stdin to $1 when the content differs; returns 0 when the file changed, 1 when it was already so.
svc_write_file() {
  local file=$1 tmp
  tmp=$(mktemp)
  cat >"$tmp"
  if [[ -f $file ]] && cmp -s "$tmp" "$file"; then
    rm -f "$tmp"
    return 1
  fi
  mkdir -p "$(dirname "$file")"
  mv "$tmp" "$file"
  chmod 0644 "$file"
  return 0
}

# True when something accepts TCP connections on host $1 port $2.
svc_port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

# True when the daemon this service's script started (its pid file) is still alive.
svc_pid_alive() {
  local pid
  [[ -f $SVC_PIDFILE ]] || return 1
  pid=$(cat "$SVC_PIDFILE")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null
}

# Stops the daemon recorded in the pid file (used when a changed configuration needs a restart).
svc_stop_daemon() {
  local pid i
  svc_pid_alive || return 0
  pid=$(cat "$SVC_PIDFILE")
  svc_log "stopping pid $pid"
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 300; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -f "$SVC_PIDFILE"
}

# svc_start_daemon USER CMD [ARG...]: runs CMD as USER (root: as is) in a new session, detached from the
# caller's terminal and pipes (stdin /dev/null, stdout and stderr appended to the service log), in USER's home
# directory when it has one, and records its pid. Nothing of the caller's stdout stays open, so
# `.ci/services/all.sh | cat` ends.
svc_start_daemon() {
  local user=$1
  shift
  echo "=== $(date -u +%FT%TZ) starting: $*" >>"$SVC_LOG"
  if [[ $user == root ]]; then
    (cd / && exec setsid "$@" </dev/null >>"$SVC_LOG" 2>&1) &
  else
    local home
    home=$(getent passwd "$user" | cut -d: -f6)
    [[ -n $home && -d $home ]] || home=/
    (cd "$home" && exec setsid setpriv --reuid="$user" --regid="$user" --init-groups \
      env HOME="$home" USER="$user" LOGNAME="$user" "$@" </dev/null >>"$SVC_LOG" 2>&1) &
  fi
  echo $! >"$SVC_PIDFILE"
}

# svc_restart_if_changed CHANGED: stops the daemon this script started when its configuration changed (1), so
# that svc_ensure_started starts it again with the new one.
svc_restart_if_changed() {
  [[ $1 -eq 1 ]] && svc_pid_alive && svc_stop_daemon
  return 0
}

# svc_ensure_started PROBE USER CMD [ARG...]: nothing to do when PROBE already succeeds (SVC_STATE=already
# running) or when the daemon this script started earlier is still alive (it may still be starting: svc_wait
# follows); else starts CMD as USER, unless another process holds the port.
svc_ensure_started() {
  local probe=$1
  shift
  if "$probe" >/dev/null 2>&1; then
    SVC_STATE="already running"
  elif svc_pid_alive; then
    SVC_STATE="already started"
  else
    svc_port_open "$SVC_HOST" "$SVC_PORT" &&
      svc_die "$SVC_HOST:$SVC_PORT is taken by a process that this script did not start and that fails its probe"
    svc_start_daemon "$@"
    SVC_STATE="started"
  fi
}

# svc_wait DESCRIPTION CMD [ARG...]: retries CMD every 0.5 s until it succeeds, for at most $SVC_TIMEOUT
# seconds (default 60); fails early, with the log's tail, when the daemon this script started has died.
svc_wait() {
  local what=$1
  shift
  local deadline=$(($(date +%s) + SVC_TIMEOUT))
  while ! "$@" >/dev/null 2>&1; do
    if [[ -f $SVC_PIDFILE ]] && ! svc_pid_alive; then
      echo "--- last lines of $SVC_LOG:" >&2
      tail -n 40 "$SVC_LOG" >&2 || true
      svc_die "the daemon exited before $what (log: $SVC_LOG)"
    fi
    if (($(date +%s) >= deadline)); then
      echo "--- last lines of $SVC_LOG:" >&2
      tail -n 40 "$SVC_LOG" >&2 || true
      svc_die "not ready after ${SVC_TIMEOUT}s: $what (log: $SVC_LOG)"
    fi
    sleep 0.5
  done
}

# svc_ready [EXTRA]: the one line every script ends with.
svc_ready() {
  echo "service $SVC_NAME ready on $SVC_HOST:$SVC_PORT in $(svc_elapsed "$SVC_T0")s${1:+ ($1)}${SVC_STATE:+, $SVC_STATE}"
}
