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
# Functional smoke test of the servers that the <name>.sh scripts started: for each, a round trip with the test
# credentials (create a table and insert rows, publish and receive, write points and read them back...), then one
# line `verify <name>: ok (...)`. Usage: verify.sh [NAME...]; none: the services all.sh starts by default, plus
# prometheus when it answers. Not needed by CI: it proves the setup for a developer. Leaves nothing behind.
set -euo pipefail
SVC_NAME=verify SVC_HOST=127.0.0.1 SVC_PORT=- SVC_PACKAGES=()
cd "$(dirname "$0")"
source ./lib.sh
svc_begin "$@"
now_ms=$(date +%s%3N)

ok() { echo "verify $SVC_NAME: ok ($*)"; }
fail() { svc_die "$*"; }

verify_postgresql() {
  local out
  out=$(PGPASSWORD=iggy psql -h 127.0.0.1 -p 5432 -U iggy -d iggy -v ON_ERROR_STOP=1 -qAtX <<'SQL'
CREATE TABLE IF NOT EXISTS iggy_ci_verify (id int PRIMARY KEY, payload jsonb);
INSERT INTO iggy_ci_verify VALUES (1, '{"a": 1}'), (2, '{"a": 2}');
SELECT count(*) FROM iggy_ci_verify;
DROP TABLE iggy_ci_verify;
SQL
  )
  [[ $out == 2 ]] || fail "expected 2 rows, got: $out"
  ok "iggy/iggy over TCP: CREATE TABLE, INSERT, SELECT in database iggy"
}

verify_mariadb() {
  local out
  out=$(mariadb -h 127.0.0.1 -P 3306 --protocol=tcp -uiggy -piggy iggy -NB <<'SQL'
CREATE TABLE IF NOT EXISTS iggy_ci_verify (id INT PRIMARY KEY, payload JSON);
INSERT INTO iggy_ci_verify VALUES (1, '{"a": 1}'), (2, '{"a": 2}');
SELECT COUNT(*) FROM iggy_ci_verify;
DROP TABLE iggy_ci_verify;
SQL
  )
  [[ $out == 2 ]] || fail "expected 2 rows, got: $out"
  ok "iggy/iggy over TCP: CREATE TABLE, INSERT, SELECT in database iggy"
}

verify_mosquitto() {
  local out topic=iggy-ci/verify/$$
  mosquitto_sub -h 127.0.0.1 -p 1883 -t "$topic" -C 1 -W 10 >"$IGGY_CI_SERVICES_DIR/verify-mqtt.out" &
  local sub=$!
  sleep 0.5
  mosquitto_pub -h 127.0.0.1 -p 1883 -t "$topic" -m "hello $$" -q 1
  wait "$sub" || fail "mosquitto_sub got nothing"
  out=$(cat "$IGGY_CI_SERVICES_DIR/verify-mqtt.out")
  rm -f "$IGGY_CI_SERVICES_DIR/verify-mqtt.out"
  [[ $out == "hello $$" ]] || fail "received: $out"
  ok "anonymous publish and subscribe"
}

verify_redis() {
  local out
  redis-cli -h 127.0.0.1 -p 6379 SET iggy-ci-verify "v$$" EX 60 >/dev/null
  out=$(redis-cli -h 127.0.0.1 -p 6379 GET iggy-ci-verify)
  redis-cli -h 127.0.0.1 -p 6379 DEL iggy-ci-verify >/dev/null
  [[ $out == "v$$" ]] || fail "GET returned: $out"
  ok "SET, GET without password; $(redis-cli -h 127.0.0.1 -p 6379 CONFIG GET save | tail -n 1 | sed 's/^$/save disabled/')"
}

verify_rabbitmq() {
  rabbitmqctl -q authenticate_user iggy iggy >/dev/null || fail "iggy/iggy does not authenticate"
  rabbitmqctl -q list_users | grep -E '^iggy[[:space:]].*administrator' >/dev/null || fail "iggy is no administrator"
  rabbitmqctl -q list_permissions -p / | grep -E '^iggy[[:space:]]+\.\*[[:space:]]+\.\*[[:space:]]+\.\*$' >/dev/null ||
    fail "iggy lacks permissions on /"
  rabbitmq-plugins -q list -e | grep -q 'rabbitmq_amqp1_0' || fail "rabbitmq_amqp1_0 not enabled"
  local h
  h=$(timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/5672 && printf 'AMQP\x03\x01\x00\x00' >&3 && head -c 8 <&3" | od -An -tx1 | tr -d ' \n')
  [[ $h == 414d515003010000 ]] || fail "no AMQP 1.0 SASL header back: $h"
  ok "iggy/iggy authenticates, administrator, .* .* .* on /; rabbitmq_amqp1_0 enabled and answering on 5672"
}

verify_nats() {
  # JetStream API over the plain NATS protocol: create a stream, publish into it, read its state, delete it.
  local out stream=IGGY_CI_VERIFY_$$ cfg
  cfg="{\"name\":\"$stream\",\"subjects\":[\"iggy.ci.verify.$$\"],\"storage\":\"file\"}"
  out=$(timeout 5 bash -c "
    exec 3<>/dev/tcp/127.0.0.1/4222
    printf 'CONNECT {\"verbose\":false,\"protocol\":1}\r\nSUB _INBOX.v 1\r\n' >&3
    printf 'PUB \$JS.API.STREAM.CREATE.$stream _INBOX.v ${#cfg}\r\n%s\r\n' '$cfg' >&3
    sleep 0.5
    printf 'PUB iggy.ci.verify.$$ _INBOX.v 5\r\nhello\r\n' >&3
    sleep 0.5
    printf 'PUB \$JS.API.STREAM.INFO.$stream _INBOX.v 0\r\n\r\n' >&3
    sleep 0.5
    printf 'PUB \$JS.API.STREAM.DELETE.$stream _INBOX.v 0\r\n\r\n' >&3
    while IFS= read -r -t 2 line <&3; do echo \"\$line\"; [[ \$line == *stream_delete_response* ]] && break; done
  ")
  grep -q '"type":"io.nats.jetstream.api.v1.stream_create_response"' <<<"$out" || fail "no stream created: $out"
  grep -q '"seq":1' <<<"$out" || fail "no publish ack: $out"
  grep -q '"messages":1' <<<"$out" || fail "stream does not hold the message: $out"
  grep -q '"success":true' <<<"$out" || fail "stream not deleted: $out"
  ok "JetStream: stream created, message stored and acked, stream deleted"
}

verify_influxdb() {
  local out
  curl -sf -XPOST 'http://127.0.0.1:8086/write?db=iggy&precision=ms' \
    --data-binary "iggy_ci_verify,run=$$ value=42 $now_ms" || fail "write failed"
  out=$(curl -sf -G 'http://127.0.0.1:8086/query' --data-urlencode db=iggy \
    --data-urlencode "q=SELECT value FROM iggy_ci_verify WHERE run='$$'")
  curl -sf -XPOST 'http://127.0.0.1:8086/query' --data-urlencode db=iggy \
    --data-urlencode 'q=DROP MEASUREMENT iggy_ci_verify' >/dev/null
  grep -q ',42\]' <<<"$out" || fail "point not read back: $out"
  ok "line protocol write to database iggy without auth, read back with InfluxQL"
}

verify_clickhouse() {
  local ch='http://127.0.0.1:8123/' out
  echo 'SELECT 1' | curl -sf "$ch" --data-binary @- | grep -qx 1 || fail "SELECT 1"
  curl -sf "$ch" --data-binary 'CREATE TABLE IF NOT EXISTS iggy.iggy_ci_verify (id UInt32, name String, ts DateTime) ENGINE = MergeTree ORDER BY id' ||
    fail "CREATE TABLE"
  printf '{"id":1,"name":"a","ts":"2024-01-01 00:00:00"}\n{"id":2,"name":"b","ts":"2024-01-01 00:00:01"}\n' |
    curl -sf "${ch}?query=INSERT%20INTO%20iggy.iggy_ci_verify%20FORMAT%20JSONEachRow" --data-binary @- || fail "INSERT JSONEachRow"
  out=$(curl -sf "$ch" --data-binary 'SELECT count() FROM iggy.iggy_ci_verify')
  curl -sf "$ch" --data-binary 'DROP TABLE iggy.iggy_ci_verify' || fail "DROP TABLE"
  [[ $out == 2 ]] || fail "expected 2 rows, got: $out"
  ok "user default without password: SELECT 1, CREATE TABLE (MergeTree), INSERT ... FORMAT JSONEachRow, SELECT"
}

# Prometheus remote write 0.1.0: a snappy-compressed protobuf WriteRequest, built here byte by byte (a snappy
# block of one literal needs no compressor). Writes one sample of metric $1 with value 42 at now.
hex_varint() {
  local n=$1 out=''
  while ((n >= 128)); do
    out+=$(printf '%02x' $(((n & 127) | 128)))
    n=$((n >> 7))
  done
  echo "$out$(printf '%02x' "$n")"
}
hex_str() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n'; }
hex_field() { echo "$(printf '%02x' "$1")$(hex_varint $((${#2} / 2)))$2"; } # tag byte, hex payload
remote_write_body() {
  local metric=$1 label1 label2 sample req body
  label1=$(hex_field 0x0a "$(hex_field 0x0a "$(hex_str __name__)")$(hex_field 0x12 "$(hex_str "$metric")")")
  label2=$(hex_field 0x0a "$(hex_field 0x0a "$(hex_str job)")$(hex_field 0x12 "$(hex_str iggy-ci)")")
  # Sample: value (fixed64 double 42.0) = field 1, timestamp (varint ms) = field 2
  sample=$(hex_field 0x12 "09000000000000454010$(hex_varint "$now_ms")")
  req=$(hex_field 0x0a "$label1$label2$sample")
  local len=$((${#req} / 2))
  ((len <= 256)) || fail "payload too long for this little encoder"
  body="$(hex_varint "$len")f0$(printf '%02x' $((len - 1)))$req"
  printf '%b' "$(sed 's/../\\x&/g' <<<"$body")"
}
remote_write() { # url metric
  remote_write_body "$2" >"$IGGY_CI_SERVICES_DIR/verify-rw.bin"
  curl -sf -XPOST "$1" -H 'Content-Encoding: snappy' -H 'Content-Type: application/x-protobuf' \
    -H 'X-Prometheus-Remote-Write-Version: 0.1.0' --data-binary @"$IGGY_CI_SERVICES_DIR/verify-rw.bin"
  rm -f "$IGGY_CI_SERVICES_DIR/verify-rw.bin"
}

# Retries a read for up to 10 s: fresh points show up in VictoriaMetrics' (and Prometheus') queries only after
# the in-memory buffers reach the searchable parts, a moment after /internal/force_flush too.
poll() { # CMD... : prints CMD's last output
  local i out=''
  for ((i = 0; i < 40; i++)); do
    if out=$("$@" 2>/dev/null); then
      echo "$out"
      return 0
    fi
    sleep 0.25
  done
  echo "$out"
  return 1
}

vm_export_has_point() {
  local out
  out=$(curl -sf http://127.0.0.1:8428/api/v1/export --data-urlencode "match[]={run=\"r$$\"}")
  echo "$out"
  grep -q '"__name__":"iggy_ci_verify_value"' <<<"$out" && grep -q '"values":\[42\]' <<<"$out"
}
query_has_42() { # base-url metric
  local out
  out=$(curl -sf "$1/api/v1/query" --data-urlencode "query=$2" --data-urlencode "time=$((now_ms / 1000 + 1))")
  echo "$out"
  grep -q '"42"' <<<"$out"
}

verify_victoria-metrics() {
  local vm=http://127.0.0.1:8428 out metric=iggy_ci_verify_rw_$$ t0
  t0=$(date +%s.%N)
  curl -sf -XPOST "$vm/write" --data-binary "iggy_ci_verify,run=r$$ value=42 ${now_ms}000000" || fail "influx /write"
  remote_write "$vm/api/v1/write" "$metric" || fail "remote write /api/v1/write"
  curl -sf "$vm/internal/force_flush" >/dev/null
  out=$(poll vm_export_has_point) || fail "influx point not exported: $out"
  out=$(poll query_has_42 "$vm" "$metric") || fail "remote-written sample not queried: $out"
  local took
  took=$(svc_elapsed "$t0")
  curl -sf "$vm/api/v1/admin/tsdb/delete_series" --data-urlencode "match[]={run=\"r$$\"}" >/dev/null || true
  curl -sf "$vm/api/v1/admin/tsdb/delete_series" --data-urlencode "match[]=$metric" >/dev/null || true
  ok "Influx line protocol on /write -> /api/v1/export; Prometheus remote write on /api/v1/write -> /api/v1/query; readable after ${took}s"
}

verify_prometheus() {
  local out metric=iggy_ci_verify_rw_$$
  remote_write http://127.0.0.1:9090/api/v1/write "$metric" || fail "remote write /api/v1/write"
  out=$(poll query_has_42 http://127.0.0.1:9090 "$metric") || fail "remote-written sample not queried: $out"
  ok "Prometheus remote write on /api/v1/write -> /api/v1/query"
}

names=("$@")
if [[ ${#names[@]} -eq 0 ]]; then
  names=(postgresql mariadb mosquitto redis rabbitmq nats influxdb clickhouse victoria-metrics)
  [[ $(curl -s -m 2 -o /dev/null -w '%{http_code}' http://127.0.0.1:9090/-/ready) == 200 ]] && names+=(prometheus)
fi
for SVC_NAME in "${names[@]}"; do
  declare -F "verify_$SVC_NAME" >/dev/null || svc_die "no check for $SVC_NAME"
  "verify_$SVC_NAME"
done
