// Monaco starts its workers from Samsyn's own assets (Yoga's single-page GraphiQL makes blob URLs of the same files).
self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl(_moduleId, label) {
    const files = { json: 'json.worker.js', graphql: 'graphql.worker.js' };
    return `/assets/graphiql/${files[label] ?? 'editor.worker.js'}`;
  },
};
