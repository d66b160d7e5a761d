# The image StartOS runs: the bundled server, the built dashboard, migrations and prompts.
# start-cli builds it once per architecture (docker build --platform=linux/amd64|arm64).

FROM node:22-slim AS build
WORKDIR /src
ENV CI=true NPM_CONFIG_UPDATE_NOTIFIER=false
# Manifests first, so the dependency layer is cached until one of them changes.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY packages/schema/package.json packages/schema/
COPY packages/server/package.json packages/server/
COPY packages/ui/package.json packages/ui/
COPY packages/sim/package.json packages/sim/
COPY startos/package.json startos/
RUN npx --yes pnpm@10.34.8 install --frozen-lockfile \
      --filter "@spark-control/server..." --filter "@spark-control/ui..."
COPY tsconfig.base.json ./
COPY packages ./packages
RUN npx --yes pnpm@10.34.8 --filter @spark-control/server build \
 && npx --yes pnpm@10.34.8 --filter @spark-control/ui build
# Runtime dependencies only: the bundle keeps third-party packages external.
RUN npx --yes pnpm@10.34.8 --filter @spark-control/server deploy --prod --legacy /out

FROM node:22-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=9999 \
    SPARK_CONTROL_DATA=/data \
    SPARK_CONTROL_SETTINGS=/data/settings.json \
    SPARK_CONTROL_UI_DIR=/app/ui
WORKDIR /app
COPY --from=build /out/package.json ./package.json
COPY --from=build /out/node_modules ./node_modules
# migrationsFolder() finds drizzle/ next to dist/; main.js reads the version from ../package.json.
COPY --from=build /src/packages/server/dist ./dist
COPY --from=build /src/packages/server/drizzle ./drizzle
COPY --from=build /src/packages/ui/dist ./ui
COPY prompts ./prompts
# `node` (uid 1000) is node:22-slim's non-root user; it owns the data directory.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 9999
CMD ["node", "dist/main.js"]
