import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorators';

/** What this server is and where its docs are; no I/O, so it is also the benchmark's baseline route. */
@ApiTags('health')
@Controller('api')
export class AboutController {
  @Get()
  @Allow('lead', 'owner', 'board', 'admin')
  about() {
    return { name: 'ActionLedger', docs: '/api/docs', openApi: '/api/docs/openapi.json' };
  }
}
