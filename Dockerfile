# GacetaChat — the worker pool as a container image: Debian 12 slim plus the Debian package, so the
# package's Depends stay the one list of what the program needs. There is no Swift toolchain image:
# build the package first.
#
#   make deb && podman build --format docker --pull=never -t localhost/gacetachat .
#   (Docker: docker build -t gacetachat .)
#
# --format docker keeps HEALTHCHECK (the OCI format drops it). The image runs as user gacetachat, logs
# to stderr, takes GACETACHAT_PROFILE, DATABASE_URL, SECRET_KEY and OPENAI_API_KEY from the environment
# and listens for FastCGI on 0.0.0.0:9000 (status and metrics on 9001): publish neither, put it on a
# network only nginx shares (libfcgi CVE-2025-23016). See compose.yaml and kubernetes/.
FROM docker.io/library/debian:12-slim

COPY dist/gacetachat_*_amd64.deb /tmp/
# Recommends (nginx, tesseract) stay out: nginx is its own container. The user is made first, with a
# fixed id (999), so that Kubernetes' runAsNonRoot can check it and volumes keep one owner across
# images; the package's postinst keeps an existing user.
RUN groupadd --system --gid 999 gacetachat \
    && useradd --system --uid 999 --gid 999 --home-dir /var/lib/gacetachat --no-create-home \
        --shell /usr/sbin/nologin gacetachat \
    && apt-get update \
    && apt-get install -y --no-install-recommends /tmp/gacetachat_*_amd64.deb \
    && rm -rf /var/lib/apt/lists/* /tmp/gacetachat_*_amd64.deb \
    && install -d -o gacetachat -g gacetachat -m 0755 /var/lib/gacetachat/files /var/lib/gacetachat/backups
COPY docker/entrypoint /usr/local/bin/gacetachat-entrypoint

ENV GACETACHAT_PROFILE=production \
    GACETACHAT_CONFIG=/etc/gacetachat/gacetachat.ini \
    GACETACHAT_SERVER_LISTEN=0.0.0.0:9000
USER 999:999
WORKDIR /var/lib/gacetachat
VOLUME ["/var/lib/gacetachat"]
EXPOSE 9000
# Ready = a worker answers /health (503 while the database is down). Orchestrators that restart on
# failure should use `gacetachat health --liveness` (the master only) instead: see kubernetes/.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["gacetachat", "health", "--timeout", "5"]
ENTRYPOINT ["/usr/local/bin/gacetachat-entrypoint"]
CMD ["serve"]
