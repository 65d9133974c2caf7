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
# Installs and starts the servers the end-to-end tests use, each on 127.0.0.1 (see README.md beside this file).
# Usage: all.sh [NAME...]   NAME: a <NAME>.sh beside this file; none: all of DEFAULT_SERVICES below.
# Phase 1 installs every missing Debian package with one apt-get install (after an apt-get update, skipped when
# one ran here in the last hour); phase 2 runs the per-server scripts in parallel (IGGY_CI_SERVICES_PARALLEL=0:
# one after the other), prints their output in order and fails when one of them failed. Idempotent: when all
# is installed and running, it takes a few seconds.
set -euo pipefail
DEFAULT_SERVICES=(postgresql mariadb mosquitto redis rabbitmq nats influxdb clickhouse victoria-metrics prometheus)
SVC_NAME=all SVC_HOST=127.0.0.1 SVC_PORT=- SVC_PACKAGES=()
cd "$(dirname "$0")"
source ./lib.sh
svc_begin "$@"

names=("$@")
[[ ${#names[@]} -eq 0 ]] && names=("${DEFAULT_SERVICES[@]}")
packages=()
for name in "${names[@]}"; do
  [[ -f $name.sh && $name != all && $name != lib ]] || svc_die "no service script $name.sh"
  read -r -a pkgs <<<"$(bash "./$name.sh" --packages)"
  packages+=("${pkgs[@]}")
done

svc_apt_install "${packages[@]}"

failed=()
if [[ ${IGGY_CI_SERVICES_PARALLEL:-1} == 1 ]]; then
  declare -A pids
  for name in "${names[@]}"; do
    bash "./$name.sh" >"$IGGY_CI_SERVICES_DIR/$name.out" 2>&1 &
    pids[$name]=$!
  done
  for name in "${names[@]}"; do
    rc=0
    wait "${pids[$name]}" || rc=$?
    cat "$IGGY_CI_SERVICES_DIR/$name.out"
    [[ $rc -eq 0 ]] || failed+=("$name")
  done
else
  for name in "${names[@]}"; do
    bash "./$name.sh" || failed+=("$name")
  done
fi

if [[ ${#failed[@]} -gt 0 ]]; then
  svc_die "not ready: ${failed[*]} (logs: $IGGY_CI_SERVICES_DIR/<name>.log)"
fi
echo "all ${#names[@]} services ready in $(svc_elapsed "$SVC_T0")s: ${names[*]}"
