import { Controller, Get, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';

@Controller('ping')
class PingController {
  @Get() ping() { return { ok: true }; }
}
@Module({ controllers: [PingController] })
class PingModule {}

describe('toolchain', () => {
  it('boots a Nest app through swc-transformed ESM packages', async () => {
    const ref = await Test.createTestingModule({ imports: [PingModule] }).compile();
    const app = ref.createNestApplication();
    await app.init();
    await request(app.getHttpServer()).get('/ping').expect(200, { ok: true });
    await app.close();
  });
});
