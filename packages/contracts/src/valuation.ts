import { z } from "zod";
import { PropertyType } from "./enums";
import { Rate } from "./primitives";

export const ComparableSale = z.strictObject({
  address: z.string().min(1).max(300),
  sale_price: z.number().positive(),
  sale_date: z.iso.date(),
  square_feet: z.number().int().positive().optional(),
});
export type ComparableSale = z.infer<typeof ComparableSale>;

/** The seed's ComprehensiveValuation as POST /valuations takes it (ARCHITECTURE §5). */
export const ValuationInput = z
  .strictObject({
    property_address: z.string().min(1).max(300),
    property_type: PropertyType,
    bedrooms: z.number().int().min(0).max(100),
    bathrooms: z.number().min(0).max(100),
    square_feet: z.number().int().positive().max(1_000_000),
    estimated_value: z.number().positive(),
    value_range: z.strictObject({ low: z.number().positive(), high: z.number().positive() }),
    confidence_score: Rate,
    comparable_sales: z.array(ComparableSale).max(50).default([]),
    features: z.array(z.string().min(1).max(100)).max(50).default([]),
    neighborhood: z.string().min(1).max(100).optional(),
    city: z.string().min(1).max(100).optional(),
    seller_id: z.string().min(1).max(100).optional(),
    contact_id: z.string().min(1).max(64).optional(),
  })
  .refine((v) => v.value_range.low <= v.estimated_value && v.estimated_value <= v.value_range.high, {
    message: "estimated_value must lie within value_range",
    path: ["estimated_value"],
  });
export type ValuationInput = z.infer<typeof ValuationInput>;

export const ComprehensiveValuation = z.object({
  valuation_id: z.string(),
  property_address: z.string(),
  property_type: PropertyType,
  bedrooms: z.number(),
  bathrooms: z.number(),
  square_feet: z.number(),
  estimated_value: z.number(),
  value_range: z.object({ low: z.number(), high: z.number() }),
  confidence_score: z.number(),
  comparable_sales: z.array(ComparableSale),
  features: z.array(z.string()),
  neighborhood: z.string().optional(),
  city: z.string().optional(),
  seller_id: z.string().optional(),
  contact_id: z.string().optional(),
  created_at: z.string(),
});
export type ComprehensiveValuation = z.infer<typeof ComprehensiveValuation>;

export const ValuationCreated = z.object({ valuation_id: z.string(), created_at: z.string() });
export type ValuationCreated = z.infer<typeof ValuationCreated>;
