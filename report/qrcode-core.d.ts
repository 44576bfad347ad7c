/**
 * Types for the pure core of the `qrcode` package. The report imports the core directly: the
 * package's Node entry pulls in PNG/file renderers that need `fs`, which an ES-module bundle
 * (bench, command line) cannot load, and we only need the module matrix.
 */
declare module 'qrcode/lib/core/qrcode.js' {
  import type { QRCode, QRCodeOptions } from 'qrcode';
  export function create(text: string, options?: QRCodeOptions): QRCode;
}
