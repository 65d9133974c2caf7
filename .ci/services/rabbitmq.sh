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
# RabbitMQ (Debian's rabbitmq-server, 3.10 on bookworm, Erlang/OTP 25) on 127.0.0.1:5672 speaking AMQP 0-9-1
# and, through the rabbitmq_amqp1_0 plugin, AMQP 1.0 on the same port. User iggy/iggy (administrator, all
# permissions on vhost /) besides guest/guest (loopback only). Node rabbit@localhost; epmd and the Erlang
# distribution listen on loopback only. Started directly as user rabbitmq; logs to the console, i.e. the log.
set -euo pipefail
SVC_NAME=rabbitmq SVC_HOST=127.0.0.1 SVC_PORT=5672
SVC_PACKAGES=(rabbitmq-server)
source "$(dirname "$0")/lib.sh"
svc_begin "$@"

# Sends an 8-byte AMQP protocol header and prints the first 8 bytes of the answer in hex.
amqp_answer() {
  timeout 3 bash -c "exec 3<>/dev/tcp/$SVC_HOST/$SVC_PORT && printf '$1' >&3 && head -c 8 <&3" 2>/dev/null |
    od -An -tx1 | tr -d ' \n'
}
# AMQP 0-9-1: the broker answers the header with a Connection.Start method frame (type 1, channel 0).
probe_091() { [[ $(amqp_answer 'AMQP\x00\x00\x09\x01') == 01000000* ]]; }
# AMQP 1.0 (SASL layer): only with rabbitmq_amqp1_0 enabled does the broker echo the 1.0 header back.
probe_10() { [[ $(amqp_answer 'AMQP\x03\x01\x00\x00') == 414d515003010000 ]]; }
probe() { probe_091 && probe_10; }
# Written once the definitions (user iggy) are imported into the broker that runs.
marker=$IGGY_CI_SERVICES_DIR/rabbitmq.definitions-imported

svc_install
changed=0
svc_write_file /etc/rabbitmq/rabbitmq-env.conf <<'CONF' && changed=1
# written by camel-iggy .ci/services/rabbitmq.sh (sourced by rabbitmq-server and the CLI tools)
NODENAME=rabbit@localhost
export ERL_EPMD_ADDRESS=127.0.0.1
CONF
svc_write_file /etc/rabbitmq/rabbitmq.conf <<CONF && changed=1
# written by camel-iggy .ci/services/rabbitmq.sh
listeners.tcp.default = $SVC_HOST:$SVC_PORT
distribution.listener.interface = 127.0.0.1
log.console = true
log.console.level = info
log.console.use_colors = off
log.file = false
CONF
svc_write_file /etc/rabbitmq/enabled_plugins <<'CONF' && changed=1
[rabbitmq_amqp1_0].
CONF
svc_write_file /etc/rabbitmq/iggy-ci-definitions.json <<'CONF' && rm -f "$marker"
{
  "users": [
    {"name": "iggy", "password": "iggy", "tags": "administrator"}
  ],
  "permissions": [
    {"user": "iggy", "vhost": "/", "configure": ".*", "write": ".*", "read": ".*"}
  ]
}
CONF
chown rabbitmq:rabbitmq /etc/rabbitmq/rabbitmq-env.conf /etc/rabbitmq/rabbitmq.conf /etc/rabbitmq/enabled_plugins \
  /etc/rabbitmq/iggy-ci-definitions.json
svc_restart_if_changed $changed
svc_ensure_started probe rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-server
[[ $SVC_STATE == started ]] && rm -f "$marker"
svc_wait "AMQP 0-9-1 and AMQP 1.0 handshakes" probe
t_up=$(svc_elapsed "$SVC_T0")
if [[ ! -f $marker ]]; then
  rabbitmqctl -q import_definitions /etc/rabbitmq/iggy-ci-definitions.json >>"$SVC_LOG" 2>&1 ||
    svc_die "importing /etc/rabbitmq/iggy-ci-definitions.json failed (log: $SVC_LOG)"
  touch "$marker"
fi
svc_ready "RabbitMQ $(dpkg-query -W -f='${Version}' rabbitmq-server), AMQP 0-9-1 + 1.0, answering after ${t_up}s"
