# Build with the Maven Wrapper, run on a JRE 21+ as a non-root user.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
COPY db db
COPY frontend frontend
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app console
WORKDIR /app
COPY --from=build /src/target/console.jar target/console.jar
RUN mkdir -p data && chown -R console /app
USER console
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
    CMD curl -fsS http://127.0.0.1:8080/actuator/health || exit 1
CMD ["java", "-jar", "target/console.jar"]
