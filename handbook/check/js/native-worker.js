/* Kept before Material's polyfills run: in the offline edition (file://) Material replaces
 * window.Worker by an iframe shim that cannot load a Blob, and the checker needs a real worker. */
self.HandbookNativeWorker = self.Worker;
