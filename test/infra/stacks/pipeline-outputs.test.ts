import { describe, expect, it } from 'vitest';
import { synthApp } from '../synth-app.ts';

describe('PipelineStack outputs', () => {
  it('names the intake queue URL, which aws-reprocess sends stored raw mail to', () => {
    const synthesized = synthApp({ domain: 'abuse.platform.example' });
    const outputs = synthesized.pipeline.toJSON().Outputs as Record<string, { Value: unknown }>;
    const queues = Object.entries(synthesized.pipeline.toJSON().Resources as Record<string, { Type: string }>)
      .filter(([, resource]) => resource.Type === 'AWS::SQS::Queue')
      .map(([id]) => id);
    const url = outputs['IntakeQueueUrl']?.Value as { Ref?: string } | undefined;
    expect(url?.Ref).toMatch(/^IntakeQueue/);
    expect(queues).toContain(url?.Ref);
  });
});
