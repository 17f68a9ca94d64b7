import 'server-only';
import QRCode from 'qrcode';

/**
 * The otpauth URI as a QR code an authenticator app scans, as an SVG data URI (the page's
 * policy allows data: images; nothing leaves the server to draw it).
 */
export async function authenticatorQrCode(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
