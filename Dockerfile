# DuPing in a container. Not built on our machines (no Docker engine there): the build stage runs
# the same steps as Scripts/serve — install libsqlite3-dev, zlib1g-dev, libssl-dev, libqrencode-dev and libpq-dev, then
# `swift build -c release --product duping` — adding only --static-swift-stdlib so that the slim
# runtime image needs no Swift toolchain. Keep the two in step when either changes.
#
#   docker build -t duping .
#   docker run -d --name duping -p 8080:8080 -v duping-data:/data duping
#   docker exec duping cat /data/root.token          # the root token, made on the first start
#                                                    # (the log shows only its path: stdout is no terminal)
#   docker exec duping /app/duping backup --data /data /data/backup-$(date +%F).sqlite

# ---- build ----
FROM swift:6.3-bookworm AS build
RUN apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libsqlite3-dev zlib1g-dev libssl-dev libqrencode-dev libpq-dev >/dev/null \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Dependencies first, so that a source change does not fetch them again.
COPY Package.swift ./
RUN swift package resolve
COPY Sources ./Sources
COPY Tests ./Tests
COPY Public ./Public
RUN swift build -c release --product duping --static-swift-stdlib \
    && install -D -m 0755 "$(swift build -c release --show-bin-path)/duping" /out/duping

# ---- run ----
FROM debian:bookworm-slim
RUN apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libsqlite3-0 zlib1g libssl3 libqrencode4 libpq5 curl >/dev/null \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin duping \
    && mkdir -p /data && chown duping:duping /data && chmod 0700 /data
COPY --from=build /out/duping /app/duping
COPY Public /app/Public
USER duping
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8080
ENV DUPING_HOST=0.0.0.0 DUPING_PORT=8080 DUPING_DATA=/data DUPING_PUBLIC=/app/Public
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/healthz >/dev/null || exit 1
# SIGTERM (docker stop) lets DuPing answer what it received, then exit 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/app/duping"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080", "--data", "/data", "--public", "/app/Public"]
