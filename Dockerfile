# attain serve in a container: the API and the dashboard over a store kept in a volume.
#
#   docker build -t attain .
#   docker run --rm -v attain:/var/lib/attain attain import --data /examples/contoso
#   docker run --rm -v attain:/var/lib/attain attain token create --admin
#   docker run --rm -p 8080:8080 -v attain:/var/lib/attain attain
#
# For PostgreSQL, pass the URL instead of the volume: -e ATTAIN_DB=postgres://user@host/attain

FROM rust:1-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin attain

FROM debian:bookworm-slim
RUN useradd --system --home-dir /var/lib/attain --create-home attain
COPY --from=build /src/target/release/attain /usr/local/bin/attain
COPY --from=build /src/examples /examples
USER attain
ENV ATTAIN_DB=/var/lib/attain/attain.db
VOLUME /var/lib/attain
EXPOSE 8080
ENTRYPOINT ["attain"]
CMD ["serve", "--listen", "0.0.0.0:8080"]
