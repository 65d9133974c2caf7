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
# NATS (Debian's nats-server, 2.9 on bookworm) on 127.0.0.1:4222 with JetStream enabled, no auth; JetStream
# store /var/lib/nats-iggy-ci; HTTP monitoring (/varz, /jsz, /healthz) on 127.0.0.1:8222. Started directly as
# user nats; logs to the log.
set -euo pipefail
SVC_NAME=nats SVC_HOST=127.0.0.1 SVC_PORT=4222
SVC_PACKAGES=(nats-server)
MONITOR_PORT=8222
STORE_DIR=/var/lib/nats-iggy-ci
source "$(dirname "$0")/lib.sh"
svc_begin "$@"

# A NATS server greets every client with an INFO line; JetStream shows there as "jetstream":true.
probe() { timeout 3 bash -c "exec 3<>/dev/tcp/$SVC_HOST/$SVC_PORT && head -n 1 <&3" 2>/dev/null | grep -q '"jetstream":true'; }

svc_install
cmd=(/usr/sbin/nats-server --name iggy-ci -a "$SVC_HOST" -p "$SVC_PORT" -m "$MONITOR_PORT" -js -sd "$STORE_DIR")
changed=0
printf '%q ' "${cmd[@]}" | svc_write_file "$IGGY_CI_SERVICES_DIR/$SVC_NAME.cmdline" && changed=1
install -d -o nats -g nats -m 0750 "$STORE_DIR"
svc_restart_if_changed $changed
svc_ensure_started probe nats "${cmd[@]}"
svc_wait "an INFO line with JetStream on" probe
svc_ready "nats-server $(/usr/sbin/nats-server --version | awk '{ print $NF }'), JetStream store $STORE_DIR, monitoring on $SVC_HOST:$MONITOR_PORT"
