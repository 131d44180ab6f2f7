import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer } from '../../../src/map/webgl';

// Renderer names as browsers report them (WEBGL_debug_renderer_info's UNMASKED_RENDERER_WEBGL).
describe('isSoftwareRenderer', () => {
  it.each([
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
    'Google SwiftShader',
    'llvmpipe (LLVM 15.0.6, 256 bits)',
    'Mesa softpipe',
    'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
  ])('%s is software', (name) => expect(isSoftwareRenderer(name)).toBe(true));

  it.each([
    'ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)',
    'Mali-G78',
    'Adreno (TM) 650',
    'NVIDIA GeForce RTX 3060/PCIe/SSE2',
    'WebKit WebGL',
    '',
  ])('%s is not', (name) => expect(isSoftwareRenderer(name)).toBe(false));
});
