# Ringway's container image: the jar built with the Maven wrapper, run as a non-root user on a JRE.
#
#   docker build -t ringway .
#   docker build -t ringway --build-arg BASE_IMAGE=eclipse-temurin:21-jre .
#   docker run --rm -p 8080:8080 -p 9080:9080 -v ringway-data:/var/lib/ringway/data ringway
#
# BUILD_IMAGE needs a JDK 17 or newer (javac and java on PATH, or JAVA_HOME), plus sh, tar and gzip
# for the wrapper. BASE_IMAGE needs a JRE 17 or newer (java on PATH), sh, groupadd and useradd: any
# Debian or Ubuntu based JRE image. See docs/container-image.md. Only classic Dockerfile
# instructions are used, so the legacy builder, BuildKit and Testcontainers' builder all build it.
ARG BUILD_IMAGE=eclipse-temurin:17-jdk
ARG BASE_IMAGE=eclipse-temurin:17-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
# The wrapper, its Maven and every dependency and plugin first: this layer stays cached until
# pom.xml or the wrapper changes, so an edit of the sources downloads nothing.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
# The tests run outside the image (./mvnw verify); cp fails if more than one jar matches.
RUN ./mvnw -B -ntp package -Dmaven.test.skip=true \
 && cp target/ringway-*.jar /ringway.jar

FROM ${BASE_IMAGE}
LABEL org.opencontainers.image.title="Ringway" \
      org.opencontainers.image.description="Reactive storage gateway speaking the OpenStack Swift API"
# uid/gid 10001, numeric in USER below so that Kubernetes' runAsNonRoot can check it. The working
# directory is the user's: the default ./data (swift.conf, rings, devices) is /var/lib/ringway/data.
RUN groupadd --gid 10001 ringway \
 && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /var/lib/ringway \
        --shell /usr/sbin/nologin ringway \
 && mkdir -p /opt/ringway /etc/ringway /var/lib/ringway/data \
 && chown -R 10001:10001 /var/lib/ringway
COPY --from=build /ringway.jar /opt/ringway/ringway.jar
# An application.yml (or .properties) mounted in /etc/ringway/ is read on top of the built-in one.
# JAVA_OPTS replaces these JVM flags as a whole; JAVA_TOOL_OPTIONS adds to them. The heap follows
# the container's memory limit; an OutOfMemoryError ends the process, so the orchestrator restarts it.
ENV SPRING_CONFIG_ADDITIONAL_LOCATION=optional:file:/etc/ringway/ \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
WORKDIR /var/lib/ringway
VOLUME /var/lib/ringway/data
# gateway (Swift API), management (actuator: health probes, prometheus), embedded storage node
# (object, container, account servers)
EXPOSE 8080 9080 6200 6201 6202
USER 10001:10001
# exec: java replaces the shell as PID 1 and gets SIGTERM itself (graceful shutdown). Arguments
# given to `docker run IMAGE ...` reach Ringway: --server.port=8081, --ringway.role=storage, ...
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /opt/ringway/ringway.jar \"$@\"", "ringway"]
