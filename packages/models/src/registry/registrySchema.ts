import { z } from 'zod';

/** SHA-256 as 64 lowercase hex digits; `null` means "not known yet" and blocks a verified pull. */
const sha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal digits (or null when unknown)')
  .nullable();

/** Exact file size in bytes; `null` when not known (then only the checksum can catch a bad file). */
const sizeBytes = z.number().int().positive().nullable();

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

/** A plain file name: no folders, so a registry cannot write outside the models folder. */
const fileName = z
  .string()
  .min(1)
  .regex(/^[A-Za-z0-9._-]+$/, 'must be a plain file name (letters, digits, ".", "_", "-")')
  .refine((name) => !name.startsWith('.'), 'must not start with "."');

const entryName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, 'must be lowercase letters, digits, "." and "-"');

/** Chat template families Hearth knows how to format when a GGUF carries no template. */
export const CHAT_TEMPLATE_FAMILIES = ['chatml', 'llama2', 'llama3', 'mistral', 'phi3'] as const;

export const adapterSchema = z.strictObject({
  name: entryName,
  description: z.string().min(1).optional(),
  url: httpUrl,
  file: fileName,
  size_bytes: sizeBytes,
  sha256,
  licence: z.string().min(1),
  /** The scale the llm node applies at load; a parameter changes it at runtime. */
  default_scale: z.number().min(0).max(4),
});

export const modelEntrySchema = z.strictObject({
  name: entryName,
  description: z.string().min(1),
  url: httpUrl,
  file: fileName.refine((name) => name.endsWith('.gguf'), 'must end with .gguf'),
  size_bytes: sizeBytes,
  sha256,
  licence: z.string().min(1),
  chat_template: z.enum(CHAT_TEMPLATE_FAMILIES),
  context_length: z.number().int().positive(),
  quantization: z
    .string()
    .regex(
      /^(F32|F16|BF16|Q\d_[0-9A-Z_]+|IQ\d_[A-Z_]+)$/,
      'must be a ggml file type such as Q4_K_M',
    ),
  parameters: z.string().regex(/^\d+(\.\d+)?[MB]$/, 'must read like 494M or 7.2B'),
  /** The shape model with the same architecture and sizes, for benchmarks (`hearth models make-test --shape`). */
  shape: z.string().optional(),
  adapters: z.array(adapterSchema).default([]),
});

export const registrySchema = z.strictObject({
  version: z.literal(1),
  models: z.array(modelEntrySchema).min(1),
});

export type AdapterEntry = z.infer<typeof adapterSchema>;
export type ModelEntry = z.infer<typeof modelEntrySchema>;
export type ChatTemplateFamily = (typeof CHAT_TEMPLATE_FAMILIES)[number];
