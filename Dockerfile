# The API and the H5 app in one image for WeChat Cloud Hosting (微信云托管) or any container platform.
# tests/deploy/runtime.test.ts runs the `build` and `deps` stages' RUN lines, the runtime stage's COPY lines, ENV and CMD
# by hand (Docker is not on the test machines), so a change here is tested there.

# Build: every dependency, the H5 app, and the server compiled to dist/server/main.js (no TypeScript at run time).
FROM node:20 AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:h5
RUN npm run build:server

# Production dependencies only. better-sqlite3 compiles here, where node:20 has python3, make and g++.
FROM node:20 AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-slim
WORKDIR /app
# Cloud Hosting expects port 80; this lets the unprivileged `node` user bind it without running as root.
RUN apt-get update && apt-get install -y --no-install-recommends libcap2-bin \
  && setcap cap_net_bind_service=+ep "$(command -v node)" \
  && apt-get purge -y libcap2-bin && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production HOST=0.0.0.0 PORT=80
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist/server ./dist/server
COPY --from=build /app/dist/h5 ./dist/h5
USER node
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + process.env.PORT + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "dist/server/main.js"]
