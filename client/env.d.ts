// Vite's `import.meta.env` and asset-import types for the client.
/// <reference types="vite/client" />
