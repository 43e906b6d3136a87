# The service for a shared deployment (see docker-compose.yml). Node.js 24 LTS, the reference; the code also runs on
# 20.19+ and 22. `.ci/run` proves this file's steps without Docker: a fresh clone, npm ci, build, npm prune
# --omit=dev (after building the service and the console), the service started from dist/ on a fresh database, one
# authenticated query.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY console/package.json ./console/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
# The web console (served at /): built here, only its static files go to the image.
COPY operations/generated.ts ./operations/
COPY console ./console
RUN npm run build && npm run build:console && npm prune --omit=dev

FROM node:24-bookworm-slim
# A heap ceiling also makes V8 size its heap for it: under load the RSS stays near 180 MB instead of ~290 MB
# (measured by npm run bench, which starts the service the same way).
ENV NODE_ENV=production PORT=3000 NODE_OPTIONS="--max-old-space-size=512 --max-semi-space-size=16"
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/console/dist ./console/dist
COPY --from=build /app/console/routes.json ./console/
COPY data ./data
USER node
# The API only. Metrics (METRICS_PORT) stay unpublished: a Prometheus on the same network scrapes them.
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]
