# One image for every Samsyn service; the service is chosen by the command (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
# Every workspace's package.json (any number of packages and subgraphs) and the install check the root's postinstall
# runs (packages/result-shaping/check-version.mjs), then the locked dependencies.
COPY package.json package-lock.json tsconfig.json ./
RUN --mount=type=bind,target=/context \
    cd /context && find packages subgraphs gateway scripts test/support \( -name package.json -o -name check-version.mjs \) -not -path '*/node_modules/*' -exec cp --parents {} /app \;
# npm install keeps the locked versions; the lock lacks other platforms' optional packages, which npm ci refuses.
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
# Containers are reached from other containers: listen on every interface (outside, subgraphs default to loopback).
ENV HOST=0.0.0.0
# A larger young generation: GraphQL responses allocate many short-lived objects.
ENV NODE_OPTIONS=--max-semi-space-size=32
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/packages packages
COPY --from=build /app/subgraphs subgraphs
COPY --from=build /app/gateway gateway
COPY --from=build /app/scripts scripts
COPY --from=build /app/schema schema
USER node
EXPOSE 4000
CMD ["node", "gateway/dist/index.js"]
