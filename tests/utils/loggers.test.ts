import { describe, expect, it } from 'vitest';

import { mayCallLogger } from '../../src/utils/modules/loggers.js';

describe('mayCallLogger', () => {
  it('lets through the smallest use of every catalog package', () => {
    expect(mayCallLogger(`import pino from 'pino'; pino().info(x);`)).toBe(true);
    expect(mayCallLogger(`import winston from 'winston'; winston.info(x);`)).toBe(true);
    expect(mayCallLogger(`const b = require('bunyan').createLogger({ name }); b.info(x);`)).toBe(true);
    expect(mayCallLogger(`require('log4js').getLogger().info(x);`)).toBe(true);
    expect(mayCallLogger(`import { consola } from 'consola'; consola.info(x);`)).toBe(true);
    expect(mayCallLogger(`require('npmlog').info('p', x);`)).toBe(true);
    expect(mayCallLogger(`import signale from 'signale'; signale.info(x);`)).toBe(true);
    expect(mayCallLogger(`import level from 'loglevel'; level.info(x);`)).toBe(true);
    expect(mayCallLogger(`import { Logger } from '@nestjs/common'; new Logger('A').log(x);`)).toBe(true);
    expect(mayCallLogger(`import e from 'electron-log'; e.info(x);`)).toBe(true);
    expect(mayCallLogger(`console.info(x);`)).toBe(true);
  });

  it('stops files that name no logger', () => {
    expect(mayCallLogger(`export const add = (a, b) => a + b;`)).toBe(false);
    expect(mayCallLogger(`metrics.info(process.env.AWS_SECRET_ACCESS_KEY);`)).toBe(false);
  });
});
