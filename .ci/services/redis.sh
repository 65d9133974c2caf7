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
# Redis (Debian's redis-server, 7.0 on bookworm) on 127.0.0.1:6379, no password, no persistence (no RDB
# snapshots, no AOF). Started directly as user redis, every setting on the command line; logs to the log.
set -euo pipefail
SVC_NAME=redis SVC_HOST=127.0.0.1 SVC_PORT=6379
SVC_PACKAGES=(redis-server)
source "$(dirname "$0")/lib.sh"
svc_begin "$@"

probe() { [[ $(timeout 3 redis-cli -h "$SVC_HOST" -p "$SVC_PORT" ping 2>/dev/null) == PONG ]]; }

svc_install
cmd=(/usr/bin/redis-server --bind "$SVC_HOST" --port "$SVC_PORT" --protected-mode no --save '' --appendonly no
  --dir /var/lib/redis --daemonize no --supervised no --logfile '')
changed=0
printf '%q ' "${cmd[@]}" | svc_write_file "$IGGY_CI_SERVICES_DIR/$SVC_NAME.cmdline" && changed=1
install -d -o redis -g redis -m 0750 /var/lib/redis
svc_restart_if_changed $changed
svc_ensure_started probe redis "${cmd[@]}"
svc_wait "redis-cli ping" probe
svc_ready "$(redis-server --version | awk '{ print $1, $2, $3 }')"
