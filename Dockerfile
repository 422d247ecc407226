# One coboard instance. The same image runs alone (SQLite under /data) or as one of several
# instances behind a load balancer (DATABASE_URL + REDIS_URL): see compose.yaml and the README.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build
ENV HOST=0.0.0.0 PORT=8080 DATA_DIR=/data BUILD_CLIENT=false
EXPOSE 8080
CMD ["node", "--import", "tsx", "server/main.ts"]
