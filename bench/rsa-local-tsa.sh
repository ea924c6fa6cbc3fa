#!/bin/sh
# Makes DIR an Exhibit local TSA (the files `exhibit tsa` and `--tsa local` read: tsa.p12, tsa.secret, tsa-chain.pem,
# root.pem) whose keys are RSA, as every public TSA in Exhibit's defaults signs, where a new local TSA makes P-256
# keys: a 4096-bit root and a 2048-bit TSA certificate with the critical timeStamping usage RFC 3161 asks for. Used by
# bench/verify-bench.sh's items-rsa shape, to measure what checking a thousand RSA tokens costs.
# Usage: sh bench/rsa-local-tsa.sh DIR     (DIR must not exist yet)
set -eu
dir=$1
[ ! -e "$dir" ] || { echo "rsa-local-tsa: $dir exists already" >&2; exit 2; }
mkdir -p "$dir" && chmod 700 "$dir"
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/ext.cnf" <<CNF
[root]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[tsa]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
openssl req -x509 -newkey rsa:4096 -nodes -keyout "$tmp/root.key" -out "$dir/root.pem" -days 7300 \
  -subj "/O=Exhibit/CN=Exhibit bench RSA TSA root" -config "$tmp/ext.cnf" -extensions root 2>/dev/null
openssl req -new -newkey rsa:2048 -nodes -keyout "$tmp/tsa.key" -out "$tmp/tsa.csr" \
  -subj "/O=Exhibit/CN=Exhibit bench RSA TSA" 2>/dev/null
openssl x509 -req -in "$tmp/tsa.csr" -CA "$dir/root.pem" -CAkey "$tmp/root.key" -CAserial "$tmp/root.srl" -CAcreateserial -days 3650 \
  -extfile "$tmp/ext.cnf" -extensions tsa -out "$tmp/tsa.pem" 2>/dev/null
cat "$tmp/tsa.pem" "$dir/root.pem" > "$dir/tsa-chain.pem"
head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$dir/tsa.secret"
chmod 600 "$dir/tsa.secret"
openssl pkcs12 -export -name tsa -inkey "$tmp/tsa.key" -in "$tmp/tsa.pem" -certfile "$dir/root.pem" \
  -passout "file:$dir/tsa.secret" -out "$dir/tsa.p12"
chmod 600 "$dir/tsa.p12"
