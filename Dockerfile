# repwatch: build in a Rust image, run as a non-root user in a small Debian image.
#   docker build -t repwatch .
#   docker run -p 8080:8080 -v repwatch-data:/data \
#     -v "$PWD/repwatch.toml:/etc/repwatch/repwatch.toml:ro" -e REPWATCH_INGEST_TOKEN=... repwatch
# In the container, [server] listen must be "0.0.0.0:8080" (which requires an ingest token)
# and a relative [store] url such as "sqlite://repwatch.db" lands in the /data volume.

FROM rust:1-bookworm AS build
WORKDIR /src
# Dependencies first, so that a source change does not rebuild them.
COPY Cargo.toml Cargo.lock build.rs ./
# The patched crates that Cargo.toml's [patch.crates-io] points at.
COPY vendor vendor
RUN mkdir -p src rules && echo 'fn main() {}' > src/main.rs && touch src/lib.rs \
    && cargo build --release --locked 2>/dev/null || true
COPY migrations migrations
COPY rules rules
COPY src src
RUN touch src/main.rs src/lib.rs && cargo build --release --locked \
    && strip target/release/repwatch

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin repwatch \
    && mkdir -p /data /etc/repwatch && chown repwatch /data
COPY --from=build /src/target/release/repwatch /usr/local/bin/repwatch
COPY repwatch.example.toml /etc/repwatch/repwatch.example.toml
USER repwatch
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["repwatch"]
CMD ["run", "--config", "/etc/repwatch/repwatch.toml"]
