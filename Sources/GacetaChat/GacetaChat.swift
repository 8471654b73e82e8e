// The chat module: retrieval, answer providers.
