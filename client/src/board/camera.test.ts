import { describe, expect, it } from 'vitest'
import { cameraToReveal, cameraToShow, visibleArea, type Camera } from './camera.ts'

const toScreen = (camera: Camera, p: { x: number; y: number }) => ({ x: (p.x + camera.x) * camera.z, y: (p.y + camera.y) * camera.z })

describe('cameraToShow', () => {
  it('fits an area into the part of the screen the UI leaves free, centred', () => {
    const camera = cameraToShow({ x: 100, y: 200, w: 1000, h: 500 }, { w: 1200, h: 800 }, { top: 100, right: 100, bottom: 100, left: 100 }, { margin: 0 })
    expect(camera.z).toBeCloseTo(1)
    expect(toScreen(camera, { x: 100, y: 200 })).toEqual({ x: 100, y: 150 })
    expect(toScreen(camera, { x: 1100, y: 700 })).toEqual({ x: 1100, y: 650 })
  })

  it('keeps a minimum zoom and then shows the top-left corner, where the label is', () => {
    const camera = cameraToShow({ x: 0, y: 0, w: 3000, h: 400 }, { w: 390, h: 844 }, { top: 60, right: 0, bottom: 80, left: 0 }, { margin: 8, minZoom: 0.7 })
    expect(camera.z).toBe(0.7)
    const topLeft = toScreen(camera, { x: 0, y: 0 })
    expect(topLeft.x).toBeCloseTo(8)
    // 400 units at 0.7 fit the free height, so the zone is centred vertically.
    expect(topLeft.y).toBeCloseTo(60 + 8 + (844 - 60 - 80 - 16 - 280) / 2)
  })

  it('never zooms in beyond the maximum', () => {
    expect(cameraToShow({ x: 0, y: 0, w: 10, h: 10 }, { w: 1000, h: 1000 }, undefined, { maxZoom: 2 }).z).toBe(2)
  })

  it('visibleArea is the inverse: what a camera shows of the page', () => {
    expect(visibleArea({ x: -100, y: -50, z: 2 }, { w: 800, h: 600 })).toEqual({ x: 100, y: 50, w: 400, h: 300 })
  })
})

describe('cameraToReveal', () => {
  const camera: Camera = { x: 0, y: 0, z: 1 }
  const free = { x: 0, y: 0, w: 390, h: 400 }

  it('leaves the camera alone when the target is already in view', () => {
    expect(cameraToReveal(camera, { x: 10, y: 10, w: 200, h: 200 }, free)).toBe(camera)
  })

  it('scrolls a note hidden under the keyboard up into the free part of the screen', () => {
    const moved = cameraToReveal(camera, { x: 10, y: 500, w: 200, h: 200 }, free)
    expect(toScreen(moved, { x: 10, y: 700 }).y).toBe(400)
    expect(moved.z).toBe(1)
  })

  it('aligns a target taller than the free area by its top', () => {
    const moved = cameraToReveal({ x: 0, y: 0, z: 2 }, { x: 0, y: 300, w: 100, h: 300 }, free)
    expect(toScreen(moved, { x: 0, y: 300 }).y).toBe(0)
  })
})
