# One image for every Samsyn service; the service is chosen by the command (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json tsconfig.json ./
COPY packages/core/package.json packages/core/
COPY packages/knowledge/package.json packages/knowledge/
COPY packages/equality/package.json packages/equality/
COPY packages/dashboard/package.json packages/dashboard/
COPY subgraphs/organisation/package.json subgraphs/organisation/
COPY subgraphs/child-services/package.json subgraphs/child-services/
COPY subgraphs/adult-services/package.json subgraphs/adult-services/
COPY subgraphs/disability/package.json subgraphs/disability/
COPY subgraphs/income-support/package.json subgraphs/income-support/
COPY gateway/package.json gateway/
COPY scripts/package.json scripts/
COPY test/support/package.json test/support/
# npm install keeps the locked versions; the lock lacks other platforms' optional packages, which npm ci refuses.
RUN npm install --no-audit --no-fund
COPY . .
RUN npx tsc -b packages/core packages/knowledge packages/equality subgraphs/organisation subgraphs/child-services subgraphs/adult-services subgraphs/disability subgraphs/income-support gateway scripts \
 && npx tsc -p packages/dashboard && node packages/dashboard/build.mjs \
 && npm prune --omit=dev

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
